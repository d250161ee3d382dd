package harvest.sms.twilio;

import harvest.sms.outbox.Segments;
import harvest.sms.outbox.SmsStatus;

import java.util.Optional;
import java.util.function.Predicate;

/** Without Twilio credentials nothing leaves the machine: every text is marked SIMULATED and kept for the API. */
public class SandboxSender implements SmsSender {

    @Override
    public Outcome send(Text text) {
        return new Accepted("SIMULATED-" + text.id(), SmsStatus.SIMULATED, Segments.of(text.body()).count(), null, null);
    }

    @Override
    public boolean paced() {
        return false;
    }

    /** The sandbox writes its outcome in the same update that ends the send, so nothing is ever in doubt. */
    @Override
    public Optional<Accepted> find(Text text, Predicate<String> recorded) {
        return Optional.empty();
    }
}
