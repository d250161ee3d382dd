package harvest.sms.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import harvest.sms.outbox.SmsStatus;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Sends through the Twilio Java SDK and reads Twilio's message list to settle texts left in doubt. */
public class TwilioSender implements SmsSender {
    /** Opted out, invalid number, unknown or unreachable destination: retrying cannot help. */
    private static final Set<Integer> PERMANENT = Set.of(21610, 21211, 21614, 30003, 30005, 30006);

    private final TwilioRestClient client;
    private final TwilioSettings settings;

    TwilioSender(TwilioRestClient client, TwilioSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public Outcome send(Text text) {
        PhoneNumber to = new PhoneNumber(text.to());
        MessageCreator creator = settings.messagingServiceIfSet()
                .map(service -> Message.creator(to, service, text.body()))
                .orElseGet(() -> Message.creator(to, new PhoneNumber(settings.getFrom()), text.body()));
        settings.webhookBaseUrlIfSet().ifPresent(base -> creator.setStatusCallback(URI.create(base + TwilioWebhooks.STATUS_PATH)));
        try {
            return accepted(creator.create(client));
        } catch (ApiConnectionException e) {
            return new Unanswered("no answer from Twilio: " + e.getMessage());
        } catch (ApiException e) {
            if (e.getStatusCode() == null) {
                // the SDK reports a connection that closed without a response this way too
                return new Unanswered("no answer from Twilio: " + e.getMessage());
            }
            int status = e.getStatusCode();
            if (status == 429 || status >= 500 || Integer.valueOf(20429).equals(e.getCode())) {
                return new Transient("Twilio " + status + ": " + e.getMessage());
            }
            if (e.getCode() != null && PERMANENT.contains(e.getCode()) || status >= 400) {
                return new Permanent(e.getCode(), e.getMessage());
            }
            return new Transient("Twilio: " + e.getMessage());
        }
    }

    @Override
    public Optional<Accepted> find(Text text, Predicate<String> recorded) {
        // Twilio's dateCreated has whole seconds: a text taken within the second it was queued must still count
        Instant queued = text.queuedAt().truncatedTo(ChronoUnit.SECONDS);
        for (Message message : Message.reader().setTo(new PhoneNumber(text.to())).setPageSize(50L).read(client)) {
            // Twilio lists newest first: from here on every message is older than the text
            if (message.getDateCreated() != null && message.getDateCreated().toInstant().isBefore(queued)) {
                break;
            }
            if (text.body().equals(message.getBody()) && !recorded.test(message.getSid())) {
                return Optional.of(accepted(message));
            }
        }
        return Optional.empty();
    }

    private static Accepted accepted(Message message) {
        return new Accepted(message.getSid(), status(message.getStatus()), integer(message.getNumSegments()),
                message.getPrice() == null ? null : new BigDecimal(message.getPrice()),
                message.getPriceUnit() == null ? null : message.getPriceUnit().getCurrencyCode());
    }

    static SmsStatus status(@Nullable Message.Status status) {
        if (status == null) {
            return SmsStatus.SENT;
        }
        return switch (status) {
            case DELIVERED -> SmsStatus.DELIVERED;
            case UNDELIVERED -> SmsStatus.UNDELIVERED;
            case FAILED, CANCELED -> SmsStatus.FAILED;
            default -> SmsStatus.SENT;
        };
    }

    private static Integer integer(@Nullable String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value);
    }
}
