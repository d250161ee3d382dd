package harvest.field;

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
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class FieldLedger extends Ledger<Field, FieldRequest> {
    public FieldLedger(FieldRepository fields, ActiveCodes activeCodes, AuditLog audit) {
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
                LedgerColumn.of("expected_yield_kg_per_mu", "预计亩产(公斤)", "预计亩产（公斤）")), fields, activeCodes,
                new AuditTrail<>(audit, AuditedEntity.FIELD, FieldResponse::of));
    }

    @Transactional
    public Field changeStatus(long id, ExpectedVersion expected, FieldStatus next) {
        Field field = get(id);
        expected.check(field.version());
        if (field.retiredAt() != null) {
            throw new ProblemException(ProblemType.RETIRED, "field '" + field.code() + "' is retired");
        }
        if (!field.status().canBecome(next)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "field '" + field.code() + "' is " + field.status()
                    + " and cannot become " + next + "; allowed next: " + field.status().next());
        }
        return audited("status changed", field, repository.update(field.withStatus(next)));
    }
}
