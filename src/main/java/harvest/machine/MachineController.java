package harvest.machine;

import harvest.system.web.CachedRead;
import harvest.ledger.Filter;
import harvest.ledger.LedgerEndpoints;
import harvest.system.Roles;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemResponses;
import harvest.system.web.ListQuery;
import harvest.system.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.openapi.annotation.OpenAPIDecorator;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.Set;

@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/machines")
@Tag(name = "machines")
@OpenAPIDecorator(opIdSuffix = "Machine", addAlways = false)
@ProblemResponses
class MachineController extends LedgerEndpoints<Machine, MachineRequest, MachineResponse> {
    private static final Set<String> SORTABLE = Set.of("code", "kind", "origin", "capacityMuPerHour", "availableFrom");

    private final MachineLedger machines;
    private final MachineBreakdowns breakdowns;

    public MachineController(MachineLedger machines, MachineBreakdowns breakdowns) {
        super(machines, MachineResponse::of);
        this.machines = machines;
        this.breakdowns = breakdowns;
    }

    @CachedRead
    @Get
    @Operation(operationId = "listMachines", summary = "List entries, filtered, sorted and paged")
    public PageResponse<MachineResponse> list(@Nullable @QueryValue MachineKind kind,
                                              @Parameter(description = "LOCAL or a county name") @Nullable @QueryValue String origin,
                                              @Nullable @QueryValue Boolean borrowed,
                                              @Parameter(description = "Machines that can harvest this crop") @Nullable @QueryValue String crop,
                                              @Valid @RequestBean ListQuery query) {
        Filter<Machine> filter = Filter.<Machine>activeUnless(query.includeRetired())
                .equal("kind", kind)
                .equal("origin", origin)
                .in("code", crop == null ? null : machines.codesForCrop(crop));
        if (borrowed != null) {
            filter.and((root, cb) -> borrowed
                    ? cb.notEqual(root.get("origin"), Machine.LOCAL)
                    : cb.equal(root.get("origin"), Machine.LOCAL));
        }
        return page(filter, query, SORTABLE);
    }

    @Override
    @Operation(operationId = "getMachineByCode")
    public HttpResponse<MachineResponse> getByCode(String code) {
        return super.getByCode(code);
    }

    @Get("/breakdowns")
    @Operation(operationId = "listOpenBreakdowns", summary = "Combines out of service now, oldest breakdown first")
    public List<Breakdown> openBreakdowns() {
        return breakdowns.open();
    }

    @Secured(Roles.DISPATCHER)
    @Post("/{id}/breakdown")
    @Operation(operationId = "reportMachineBreakdown", summary = "Report the combine broken: it stays out of planning and its pending work in the published plan is flagged for re-planning")
    public Breakdown reportBreakdown(@PathVariable long id) {
        return breakdowns.report(machines.get(id).code());
    }

    @Secured(Roles.DISPATCHER)
    @Delete("/{id}/breakdown")
    @Operation(operationId = "reportMachineRepaired", summary = "Report the combine repaired")
    public Breakdown repaired(@PathVariable long id) {
        String code = machines.get(id).code();
        return breakdowns.repaired(code).orElseThrow(() -> ProblemException.notFound("breakdown of " + code));
    }
}
