package harvest.machine;

import java.time.Clock;
import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.ledger.ActiveCodes;
import harvest.ledger.AuditTrail;
import harvest.ledger.Ledger;
import harvest.ledger.LedgerColumn;
import harvest.ledger.LedgerKind;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class MachineLedger extends Ledger<Machine, MachineRequest> {
    private final MachineRepository machines;

    public MachineLedger(MachineRepository machines, ActiveCodes activeCodes, Clock clock, AuditLog audit) {
        super(LedgerKind.MACHINES, MachineRequest.class, List.of(
                LedgerColumn.of("code", "编号"),
                LedgerColumn.of("kind", "类型"),
                LedgerColumn.of("plate", "号牌"),
                LedgerColumn.of("model", "型号"),
                LedgerColumn.of("capacity_mu_per_hour", "作业效率(亩/时)", "作业效率（亩/时）"),
                LedgerColumn.of("crops", "作物"),
                LedgerColumn.of("operator_name", "机手"),
                LedgerColumn.of("operator_phone", "机手电话"),
                LedgerColumn.of("base_lat", "驻地纬度"),
                LedgerColumn.of("base_lon", "驻地经度"),
                LedgerColumn.of("origin", "来源"),
                LedgerColumn.of("available_from", "可用开始"),
                LedgerColumn.of("available_until", "可用结束")), machines, activeCodes, clock,
                new AuditTrail<>(audit, AuditedEntity.MACHINE, MachineResponse::of));
        this.machines = machines;
    }

    public List<String> codesForCrop(String crop) {
        return machines.findCodesByCrop(crop);
    }
}
