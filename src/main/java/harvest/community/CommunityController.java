package harvest.community;

import harvest.system.web.CachedRead;
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
@Controller("/api/v1/communities")
@Tag(name = "communities")
@OpenAPIDecorator(opIdSuffix = "Community", addAlways = false)
@ProblemResponses
class CommunityController extends LedgerEndpoints<Community, CommunityRequest, CommunityResponse> {
    private static final Set<String> SORTABLE = Set.of("code", "name", "street");

    public CommunityController(CommunityLedger ledger) {
        super(ledger, CommunityResponse::of);
    }

    @CachedRead
    @Get
    @Operation(operationId = "listCommunities", summary = "List entries, filtered, sorted and paged")
    public PageResponse<CommunityResponse> list(@Nullable @QueryValue String street, @Valid @RequestBean ListQuery query) {
        return page(Filter.<Community>activeUnless(query.includeRetired()).equal("street", street), query, SORTABLE);
    }

    @Override
    @Operation(operationId = "getCommunityByCode")
    public HttpResponse<CommunityResponse> getByCode(String code) {
        return super.getByCode(code);
    }
}
