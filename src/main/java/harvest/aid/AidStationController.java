package harvest.aid;

import harvest.system.web.CachedRead;
import harvest.community.CommunityLedger;
import harvest.ledger.Filter;
import harvest.ledger.LedgerEndpoints;
import harvest.system.Roles;
import harvest.system.problem.ProblemResponses;
import harvest.system.web.ListQuery;
import harvest.system.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.openapi.annotation.OpenAPIDecorator;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.Set;

@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/aid-stations")
@Tag(name = "aid-stations")
@OpenAPIDecorator(opIdSuffix = "AidStation", addAlways = false)
@ProblemResponses
class AidStationController extends LedgerEndpoints<AidStation, AidStationRequest, AidStationResponse> {
    private static final Set<String> SORTABLE = Set.of("code", "name", "communityCode");
    private final CommunityLedger communities;

    public AidStationController(AidStationLedger ledger, CommunityLedger communities) {
        super(ledger, AidStationResponse::of);
        this.communities = communities;
    }

    @CachedRead
    @Get
    @Operation(operationId = "listAidStations", summary = "List entries, filtered, sorted and paged")
    public PageResponse<AidStationResponse> list(@Nullable @QueryValue String community, @Nullable @QueryValue String street,
                                                 @Valid @RequestBean ListQuery query) {
        return page(communities.located(Filter.<AidStation>activeUnless(query.includeRetired()), community, street), query, SORTABLE);
    }

    @Override
    @Operation(operationId = "getAidStationByCode")
    public HttpResponse<AidStationResponse> getByCode(String code) {
        return super.getByCode(code);
    }
}
