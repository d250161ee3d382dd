package harvest.team;

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
@Controller("/api/v1/teams")
@Tag(name = "teams")
@OpenAPIDecorator(opIdSuffix = "Team", addAlways = false)
@ProblemResponses
class TeamController extends LedgerEndpoints<Team, TeamRequest, TeamResponse> {
    private static final Set<String> SORTABLE = Set.of("code", "name", "kind", "communityCode", "members");
    private final CommunityLedger communities;

    public TeamController(TeamLedger ledger, CommunityLedger communities) {
        super(ledger, TeamResponse::of);
        this.communities = communities;
    }

    @CachedRead
    @Get
    @Operation(operationId = "listTeams", summary = "List entries, filtered, sorted and paged")
    public PageResponse<TeamResponse> list(@Nullable @QueryValue String community, @Nullable @QueryValue String street,
                                           @Nullable @QueryValue TeamKind kind, @Valid @RequestBean ListQuery query) {
        return page(communities.located(Filter.<Team>activeUnless(query.includeRetired()), community, street)
                .equal("kind", kind), query, SORTABLE);
    }

    @Override
    @Operation(operationId = "getTeamByCode")
    public HttpResponse<TeamResponse> getByCode(String code) {
        return super.getByCode(code);
    }
}
