package harvest.drying;

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
@Controller("/api/v1/drying-sites")
@Tag(name = "drying-sites")
@OpenAPIDecorator(opIdSuffix = "DryingSite", addAlways = false)
@ProblemResponses
class DryingSiteController extends LedgerEndpoints<DryingSite, DryingSiteRequest, DryingSiteResponse> {
    private static final Set<String> SORTABLE = Set.of("code", "name", "kind", "communityCode", "capacityTonnesPerDay");
    private final CommunityLedger communities;

    public DryingSiteController(DryingSiteLedger ledger, CommunityLedger communities) {
        super(ledger, DryingSiteResponse::of);
        this.communities = communities;
    }

    @CachedRead
    @Get
    @Operation(operationId = "listDryingSites", summary = "List entries, filtered, sorted and paged")
    public PageResponse<DryingSiteResponse> list(@Nullable @QueryValue String community, @Nullable @QueryValue String street,
                                                 @Nullable @QueryValue DryingKind kind, @Nullable @QueryValue Boolean rainUsable,
                                                 @Valid @RequestBean ListQuery query) {
        return page(communities.located(Filter.<DryingSite>activeUnless(query.includeRetired()), community, street)
                .equal("kind", kind)
                .equal("rainUsable", rainUsable), query, SORTABLE);
    }

    @Override
    @Operation(operationId = "getDryingSiteByCode")
    public HttpResponse<DryingSiteResponse> getByCode(String code) {
        return super.getByCode(code);
    }
}
