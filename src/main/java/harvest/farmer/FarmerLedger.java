package harvest.farmer;

import harvest.ledger.ActiveCodes;
import harvest.ledger.Ledger;
import harvest.ledger.LedgerColumn;
import harvest.ledger.LedgerKind;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class FarmerLedger extends Ledger<Farmer, FarmerRequest> {
    public FarmerLedger(FarmerRepository farmers, ActiveCodes activeCodes) {
        super(LedgerKind.FARMERS, FarmerRequest.class, List.of(
                LedgerColumn.of("code", "户编号"),
                LedgerColumn.of("name", "户主"),
                LedgerColumn.of("phone", "电话"),
                LedgerColumn.of("community_code", "社区"),
                LedgerColumn.of("labor_short", "缺劳力"),
                LedgerColumn.of("elderly", "留守老人"),
                LedgerColumn.of("language", "语言")), farmers, activeCodes);
    }
}
