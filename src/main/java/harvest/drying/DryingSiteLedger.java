package harvest.drying;

import java.time.Clock;
import harvest.ledger.ActiveCodes;
import harvest.ledger.Ledger;
import harvest.ledger.LedgerColumn;
import harvest.ledger.LedgerKind;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class DryingSiteLedger extends Ledger<DryingSite, DryingSiteRequest> {
    public DryingSiteLedger(DryingSiteRepository sites, ActiveCodes activeCodes, Clock clock) {
        super(LedgerKind.DRYING_SITES, DryingSiteRequest.class, List.of(
                LedgerColumn.of("code", "编号"),
                LedgerColumn.of("name", "名称"),
                LedgerColumn.of("kind", "类型"),
                LedgerColumn.of("community_code", "社区"),
                LedgerColumn.of("lat", "纬度"),
                LedgerColumn.of("lon", "经度"),
                LedgerColumn.of("capacity_tonnes_per_day", "日处理能力(吨)", "日处理能力（吨）"),
                LedgerColumn.of("rain_usable", "雨天可用"),
                LedgerColumn.of("contact_name", "联系人"),
                LedgerColumn.of("contact_phone", "联系电话")), sites, activeCodes, clock);
    }
}
