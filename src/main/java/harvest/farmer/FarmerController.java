package harvest.farmer;

import harvest.community.CommunityLedger;
import harvest.ledger.Filter;
import harvest.ledger.LedgerEndpoints;
import harvest.system.web.ListQuery;
import harvest.system.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.openapi.annotation.OpenAPIDecorator;
import harvest.system.problem.ProblemResponses;
import jakarta.validation.Valid;

import java.util.Set;

@Controller("/api/v1/farmers")
@Tag(name = "farmers")
@OpenAPIDecorator(opIdSuffix = "Farmer", addAlways = true)
@ProblemResponses
public class FarmerController extends LedgerEndpoints<Farmer, FarmerRequest, FarmerResponse> {
    private static final Set<String> SORTABLE = Set.of("code", "name", "communityCode");
    private final CommunityLedger communities;

    public FarmerController(FarmerLedger ledger, CommunityLedger communities) {
        super(ledger, FarmerResponse::of);
        this.communities = communities;
    }

    @Get
    @Operation(operationId = "listFarmers", summary = "List entries, filtered, sorted and paged")
    public PageResponse<FarmerResponse> list(@Nullable @QueryValue String community, @Nullable @QueryValue String street,
                                             @Nullable @QueryValue Boolean laborShort, @Nullable @QueryValue Boolean elderly,
                                             @Valid @RequestBean ListQuery query) {
        return page(Filter.<Farmer>activeUnless(query.includeRetired())
                .equal("communityCode", community)
                .in("communityCode", street == null ? null : communities.codesOfStreet(street))
                .equal("laborShort", laborShort)
                .equal("elderly", elderly), query, SORTABLE);
    }
}
