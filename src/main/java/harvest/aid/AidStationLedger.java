package harvest.aid;

import java.time.Clock;
import harvest.ledger.ActiveCodes;
import harvest.ledger.Ledger;
import harvest.ledger.LedgerColumn;
import harvest.ledger.LedgerKind;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class AidStationLedger extends Ledger<AidStation, AidStationRequest> {
    public AidStationLedger(AidStationRepository stations, ActiveCodes activeCodes, Clock clock) {
        super(LedgerKind.AID_STATIONS, AidStationRequest.class, List.of(
                LedgerColumn.of("code", "编号"),
                LedgerColumn.of("name", "名称"),
                LedgerColumn.of("community_code", "社区"),
                LedgerColumn.of("lat", "纬度"),
                LedgerColumn.of("lon", "经度"),
                LedgerColumn.of("offers", "服务")), stations, activeCodes, clock);
    }
}
