package harvest.machine;

import harvest.ledger.Filter;
import harvest.ledger.LedgerEndpoints;
import harvest.system.web.ListQuery;
import harvest.system.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.openapi.annotation.OpenAPIDecorator;
import harvest.system.problem.ProblemResponses;
import jakarta.validation.Valid;

import java.util.Set;

@Controller("/api/v1/machines")
@Tag(name = "machines")
@OpenAPIDecorator(opIdSuffix = "Machine", addAlways = true)
@ProblemResponses
public class MachineController extends LedgerEndpoints<Machine, MachineRequest, MachineResponse> {
    private static final Set<String> SORTABLE = Set.of("code", "kind", "origin", "capacityMuPerHour", "availableFrom");

    private final MachineLedger machines;

    public MachineController(MachineLedger machines) {
        super(machines, MachineResponse::of);
        this.machines = machines;
    }

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
}
