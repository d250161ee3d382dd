package harvest.audit;

import harvest.system.era.InServiceEra;
import harvest.system.Roles;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemResponses;
import harvest.system.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Instant;

@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/audit")
@Tag(name = "audit")
@ProblemResponses
class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Get
    @Operation(operationId = "listAuditEvents", summary = "Who changed what and when, newest first: fields and machines "
            + "(created, updated, retired, status changed, imported, breakdown reported, repaired), plans and assignments")
    public PageResponse<AuditEvent> list(@Nullable @QueryValue AuditedEntity entity,
                                         @Parameter(description = "The entity's code (a plan's id, an assignment's chunk id); needs entity")
                                         @Nullable @QueryValue String key,
                                         @Parameter(description = "Exactly as recorded, e.g. 'api client 10.0.0.7' or 'operator M001 by SMS'")
                                         @Nullable @QueryValue String actor,
                                         @Parameter(description = "Events at or after this instant (ISO-8601 with offset)")
                                         @Nullable @InServiceEra @QueryValue Instant from,
                                         @Parameter(description = "Events before this instant (ISO-8601 with offset)")
                                         @Nullable @InServiceEra @QueryValue Instant to,
                                         @QueryValue(defaultValue = "0") @Min(0) int page,
                                         @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (key != null && entity == null) {
            throw ProblemException.invalid("key", "names an entry of one entity; send entity as well");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        AuditLog.Filter filter = new AuditLog.Filter(entity, key, actor, from, to);
        return PageResponse.of(audit.list(filter, page, size), page, size, audit.count(filter));
    }
}
