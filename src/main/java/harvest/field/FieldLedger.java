package harvest.field;

import java.time.Clock;
import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.ledger.ActiveCodes;
import harvest.ledger.AuditTrail;
import harvest.ledger.Ledger;
import harvest.ledger.LedgerColumn;
import harvest.ledger.LedgerKind;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import harvest.system.web.ExpectedVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

@Singleton
public class FieldLedger extends Ledger<Field, FieldRequest> {
    public FieldLedger(FieldRepository fields, ActiveCodes activeCodes, Clock clock, AuditLog audit) {
        super(LedgerKind.FIELDS, FieldRequest.class, List.of(
                LedgerColumn.of("code", "地块编号"),
                LedgerColumn.of("farmer_code", "户编号"),
                LedgerColumn.of("community_code", "社区"),
                LedgerColumn.of("name", "地块名称"),
                LedgerColumn.of("crop", "作物"),
                LedgerColumn.of("area_mu", "面积(亩)", "面积（亩）"),
                LedgerColumn.of("lat", "纬度"),
                LedgerColumn.of("lon", "经度"),
                LedgerColumn.of("ripe_from", "成熟时间"),
                LedgerColumn.of("expected_yield_kg_per_mu", "预计亩产(公斤)", "预计亩产（公斤）")), fields, activeCodes, clock,
                new AuditTrail<>(audit, AuditedEntity.FIELD, FieldResponse::of));
    }

    /**
     * A status change asked for through the API. Sowing names the crop sown; drying and storing are refused here
     * because only grain taken in and sent on at drying sites says a field is DRYING or STORED.
     */
    @Transactional
    public Field changeStatus(long id, ExpectedVersion expected, FieldStatus next, @Nullable String nextCrop) {
        Field field = get(id);
        expected.check(field.version());
        if (next.followsDrying()) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "field '" + field.code() + "' cannot be set to " + next
                    + " by hand: it becomes DRYING with its first intake at a drying site and STORED when its outflow"
                    + " equals its intake (POST /api/v1/drying-sites/{code}/intake and /outflow)");
        }
        if (next == FieldStatus.SOWN && nextCrop == null) {
            throw ProblemException.invalid("nextCrop", "is required when the field is sown: the crop sown after harvest");
        }
        if (next != FieldStatus.SOWN && nextCrop != null) {
            throw ProblemException.invalid("nextCrop", "goes only with status SOWN");
        }
        return move(field, next, next == FieldStatus.SOWN ? nextCrop : field.nextCrop());
    }

    /**
     * Moves a field along with the work recorded on it (a harvested chunk, grain taken in or sent on at a drying
     * site), in the caller's transaction.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Field workMoved(Field field, FieldStatus next) {
        return move(field, next, field.nextCrop());
    }

    /** Every status change passes here, whoever asks for it. */
    private Field move(Field field, FieldStatus next, @Nullable String nextCrop) {
        if (field.retiredAt() != null) {
            throw new ProblemException(ProblemType.RETIRED, "field '" + field.code() + "' is retired");
        }
        if (!field.status().canBecome(next)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "field '" + field.code() + "' is " + field.status()
                    + " and cannot become " + next + "; allowed next: " + field.status().next());
        }
        return audited("status changed", field, repository.update(field.withStatus(next, nextCrop)));
    }

    /** The household says the field is not ready: no combine before {@code ripe}. Never moves ripeness earlier. */
    @Transactional
    public Field postponeRipeness(String code, Instant ripe) {
        Field field = getByCode(code);
        return ripe.isAfter(field.ripeFrom()) ? audited("ripeness postponed", field, repository.update(field.withRipeFrom(ripe))) : field;
    }
}
