package harvest.field;

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
import io.micronaut.http.annotation.Post;
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
@Controller("/api/v1/fields")
@Tag(name = "fields")
@OpenAPIDecorator(opIdSuffix = "Field", addAlways = false)
@ProblemResponses
class FieldController extends LedgerEndpoints<Field, FieldRequest, FieldResponse> {
    private static final Set<String> SORTABLE = Set.of("code", "name", "communityCode", "farmerCode", "areaMu", "ripeFrom", "status");
    private final FieldLedger fields;
    private final CommunityLedger communities;

    public FieldController(FieldLedger fields, CommunityLedger communities) {
        super(fields, FieldResponse::of);
        this.fields = fields;
        this.communities = communities;
    }

    @CachedRead
    @Get
    @Operation(operationId = "listFields", summary = "List entries, filtered, sorted and paged")
    public PageResponse<FieldResponse> list(@Nullable @QueryValue String community, @Nullable @QueryValue String street,
                                            @Nullable @QueryValue FieldStatus status, @Nullable @QueryValue String crop,
                                            @Nullable @QueryValue String farmer, @Valid @RequestBean ListQuery query) {
        return page(communities.located(Filter.<Field>activeUnless(query.includeRetired()), community, street)
                .equal("status", status)
                .equal("crop", crop)
                .equal("farmerCode", farmer), query, SORTABLE);
    }

    @Override
    @Operation(operationId = "getFieldByCode")
    public HttpResponse<FieldResponse> getByCode(String code) {
        return super.getByCode(code);
    }

    @Secured(Roles.DISPATCHER)
    @Post("/{id}/status")
    @Operation(operationId = "changeFieldStatus", summary = "Move a field along its season; only legal transitions are accepted, SOWN names the next crop, DRYING and STORED follow drying-site intake and outflow")
    @Versioned
    public HttpResponse<FieldResponse> changeStatus(@PathVariable long id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                                    @Body @Valid StatusChange body) {
        return ok(fields.changeStatus(id, ExpectedVersion.required(ifMatch, body.version()), body.status(), body.nextCrop()));
    }
}
