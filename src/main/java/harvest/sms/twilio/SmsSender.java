package harvest.sms.twilio;

import harvest.sms.outbox.SmsStatus;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/** Hands a text to the SMS provider, or finds out whether an earlier attempt reached it. */
public interface SmsSender {

    /** A queued text as the provider sees it. */
    record Text(long id, String to, String body, Instant queuedAt) {
    }

    /** What the provider said. */
    sealed interface Outcome {
    }

    /** Accepted: the provider's id and what it reported. */
    record Accepted(String sid, SmsStatus status, @Nullable Integer segments, @Nullable BigDecimal price,
                    @Nullable String priceUnit) implements Outcome {
    }

    /** Worth trying again later: throttled, a server error, a timeout. */
    record Transient(String reason) implements Outcome {
    }

    /**
     * Asked, but no answer came back (a timeout, a dropped connection): the provider may or may not have the text,
     * so it is looked up before it is sent again.
     */
    record Unanswered(String reason) implements Outcome {
    }

    /** Never worth retrying (opted out, invalid number, ...): shown to the dispatcher. */
    record Permanent(@Nullable Integer code, String reason) implements Outcome {
    }

    Outcome send(Text text);

    /** Whether sends must keep to the provider's rate; the sandbox sends nothing, so it need not. */
    default boolean paced() {
        return true;
    }

    /**
     * The provider's record of this text if an attempt that died before recording it did reach the provider.
     * {@code recorded} tells the provider's ids another text of the outbox already holds: the same body to the
     * same number may have gone out before, and that message is not this text's.
     */
    Optional<Accepted> find(Text text, Predicate<String> recorded);
}
