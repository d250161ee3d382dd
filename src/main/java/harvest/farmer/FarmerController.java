package harvest.farmer;

import harvest.system.web.CachedRead;
import harvest.community.CommunityLedger;
import harvest.ledger.Filter;
import harvest.ledger.LedgerEndpoints;
import harvest.system.Roles;
import harvest.system.problem.ProblemResponses;
import harvest.system.web.ExpectedVersion;
import harvest.system.web.ListQuery;
import harvest.system.web.PageResponse;
import harvest.system.web.Versioned;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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
@Controller("/api/v1/farmers")
@Tag(name = "farmers")
@OpenAPIDecorator(opIdSuffix = "Farmer", addAlways = false)
@ProblemResponses
class FarmerController extends LedgerEndpoints<Farmer, FarmerRequest, FarmerResponse> {
    private static final Set<String> SORTABLE = Set.of("code", "name", "communityCode");
    private final CommunityLedger communities;

    private final FarmerLedger farmers;

    public FarmerController(FarmerLedger farmers, CommunityLedger communities) {
        super(farmers, FarmerResponse::of);
        this.farmers = farmers;
        this.communities = communities;
    }

    @CachedRead
    @Get
    @Operation(operationId = "listFarmers", summary = "List entries, filtered, sorted and paged")
    public PageResponse<FarmerResponse> list(@Nullable @QueryValue String community, @Nullable @QueryValue String street,
                                             @Nullable @QueryValue Boolean laborShort, @Nullable @QueryValue Boolean elderly,
                                             @Valid @RequestBean ListQuery query) {
        return page(communities.located(Filter.<Farmer>activeUnless(query.includeRetired()), community, street)
                .equal("laborShort", laborShort)
                .equal("elderly", elderly), query, SORTABLE);
    }

    @Override
    @Operation(operationId = "getFarmerByCode")
    public HttpResponse<FarmerResponse> getByCode(String code) {
        return super.getByCode(code);
    }

    @Secured(Roles.DISPATCHER)
    @Put("/{id}/sms-opt-out")
    @Operation(operationId = "setFarmerSmsOptOut", summary = "Stop or resume texts to a household, e.g. after it asked by phone (an SMS STOP does the same)")
    @Versioned
    public HttpResponse<FarmerResponse> setSmsOptOut(@PathVariable long id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                     @Body @Valid SmsOptOut body) {
        return ok(farmers.setSmsOptOut(id, ExpectedVersion.required(ifMatch, body.version()), body.optedOut()));
    }
}
