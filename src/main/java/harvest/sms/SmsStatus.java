package harvest.sms;

import java.util.Set;

/** A text's life in the outbox; the last five never change again. */
public enum SmsStatus {
    QUEUED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED, EXPIRED, SIMULATED, OPTED_OUT;

    private static final Set<SmsStatus> FINAL = Set.of(DELIVERED, UNDELIVERED, FAILED, EXPIRED, SIMULATED, OPTED_OUT);

    public boolean isFinal() {
        return FINAL.contains(this);
    }
}
