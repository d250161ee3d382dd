package harvest.community;

import java.time.Clock;
import harvest.ledger.ActiveCodes;
import harvest.ledger.Filter;
import harvest.ledger.Ledger;
import harvest.ledger.LedgerColumn;
import harvest.ledger.LedgerKind;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class CommunityLedger extends Ledger<Community, CommunityRequest> {
    private final CommunityRepository communities;

    public CommunityLedger(CommunityRepository communities, ActiveCodes activeCodes, Clock clock) {
        super(LedgerKind.COMMUNITIES, CommunityRequest.class, List.of(
                LedgerColumn.of("code", "编号", "社区编号"),
                LedgerColumn.of("name", "名称"),
                LedgerColumn.of("street", "街道"),
                LedgerColumn.of("lat", "纬度"),
                LedgerColumn.of("lon", "经度")), communities, activeCodes, clock);
        this.communities = communities;
    }

    /** Narrows a ledger whose rows carry a {@code communityCode} to one community and/or one street's communities. */
    public <E> Filter<E> located(Filter<E> filter, @Nullable String community, @Nullable String street) {
        return filter.equal("communityCode", community)
                .in("communityCode", street == null ? null : communities.findCodeByStreet(street));
    }
}
