package harvest.ledger;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import io.micronaut.core.annotation.Nullable;

import java.util.function.Function;

/** Makes a ledger audited: which entity its rows are, and the API shape ({@code view}) recorded before and after. */
public record AuditTrail<E extends LedgerEntity>(AuditLog log, AuditedEntity entity, Function<E, ?> view) {

    AuditLog.Change change(String action, @Nullable E before, E after) {
        return new AuditLog.Change(entity, after.code(), action, before == null ? null : view.apply(before), view.apply(after));
    }
}
