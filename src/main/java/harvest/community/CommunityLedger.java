package harvest.community;

import harvest.ledger.ActiveCodes;
import harvest.ledger.Ledger;
import harvest.ledger.LedgerColumn;
import harvest.ledger.LedgerKind;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class CommunityLedger extends Ledger<Community, CommunityRequest> {
    private final CommunityRepository communities;

    public CommunityLedger(CommunityRepository communities, ActiveCodes activeCodes) {
        super(LedgerKind.COMMUNITIES, CommunityRequest.class, List.of(
                LedgerColumn.of("code", "编号", "社区编号"),
                LedgerColumn.of("name", "名称"),
                LedgerColumn.of("street", "街道"),
                LedgerColumn.of("lat", "纬度"),
                LedgerColumn.of("lon", "经度")), communities, activeCodes);
        this.communities = communities;
    }

    /** The codes of a street's communities, for filtering other ledgers by street. */
    public List<String> codesOfStreet(String street) {
        return communities.findCodeByStreet(street);
    }
}
