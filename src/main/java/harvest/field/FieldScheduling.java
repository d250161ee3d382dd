package harvest.field;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.system.Sql;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What publishing a plan does to the fields, in the publisher's transaction: the fields it plans become SCHEDULED
 * (from REGISTERED), and those the previous plan had scheduled but this one leaves out go back to REGISTERED. The
 * moves between those two statuses, checked against the field's own transition rules and done in bulk (a plan holds hundreds of
 * fields) and each written to the audit log.
 */
@Singleton
public class FieldScheduling {
    private final Sql sql;
    private final AuditLog audit;

    public FieldScheduling(Sql sql, AuditLog audit) {
        this.sql = sql;
        this.audit = audit;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void planPublished(long planId, Collection<String> planned, Collection<String> leftOut) {
        List<String> dropped = move(leftOut, FieldStatus.SCHEDULED, FieldStatus.REGISTERED);
        List<String> scheduled = move(planned, FieldStatus.REGISTERED, FieldStatus.SCHEDULED);
        audit.recordAll(Stream.concat(
                dropped.stream().map(code -> moved(code, FieldStatus.SCHEDULED, FieldStatus.REGISTERED, "left out of plan " + planId)),
                scheduled.stream().map(code -> moved(code, FieldStatus.REGISTERED, FieldStatus.SCHEDULED, "scheduled by plan " + planId))).toList());
    }

    private List<String> move(Collection<String> codes, FieldStatus from, FieldStatus to) {
        if (!from.canBecome(to)) {
            throw new IllegalStateException(from + " cannot become " + to);
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        return sql.of("""
                UPDATE field SET status = :to, version = version + 1 WHERE status = :from AND code = ANY (:codes) RETURNING code""")
                .set("to", to).set("from", from).setArray("codes", "text", codes).strings();
    }

    private static AuditLog.Change moved(String code, FieldStatus from, FieldStatus to, String why) {
        return new AuditLog.Change(AuditedEntity.FIELD, code, "status changed: " + why, Map.of("status", from.name()), Map.of("status", to.name()));
    }
}
