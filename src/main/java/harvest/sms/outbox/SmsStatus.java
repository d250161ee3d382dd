package harvest.sms.outbox;

import java.util.Set;
import java.util.stream.Collectors;

/** A text's life in the outbox; the last five never change again. */
public enum SmsStatus {
    QUEUED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED, EXPIRED, SIMULATED, OPTED_OUT;

    private static final Set<SmsStatus> FINAL = Set.of(DELIVERED, UNDELIVERED, FAILED, EXPIRED, SIMULATED, OPTED_OUT);

    /** The final states as an SQL list, for queries that must leave them alone. */
    static String finalsInSql() {
        return FINAL.stream().map(status -> "'" + status.name() + "'").sorted().collect(Collectors.joining(", "));
    }
}
