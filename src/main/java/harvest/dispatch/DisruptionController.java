package harvest.dispatch;

import harvest.security.Access;
import harvest.system.Roles;
import harvest.system.problem.ProblemResponses;
import harvest.system.web.PageResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/disruptions")
@Tag(name = "dispatch")
@ProblemResponses
class DisruptionController {
    private final Disruptions disruptions;
    private final NotReadyDisruptions notReady;
    private final Access access;

    public DisruptionController(Disruptions disruptions, NotReadyDisruptions notReady, Access access) {
        this.disruptions = disruptions;
        this.notReady = notReady;
        this.access = access;
    }

    @Serdeable
    @Schema(name = "NotReadyReport")
    public record NotReadyReport(@NotBlank String fieldCode) {
    }

    @Get
    @Operation(operationId = "listDisruptions", summary = "Breakdowns, rain and fields not ready, newest first, with the draft re-plan made for each")
    public PageResponse<Disruption> list(@QueryValue(defaultValue = "false") boolean unanswered,
                                         @QueryValue(defaultValue = "0") @Min(0) int page,
                                         @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageResponse.of(disruptions.list(unanswered, page, size), page, size, disruptions.count(unanswered));
    }

    @Secured({Roles.DISPATCHER, Roles.FARMER})
    @Post("/not-ready")
    @Operation(operationId = "reportFieldNotReady",
            summary = "The household says a field is not ready: its ripeness moves on and its planned work is flagged for a draft re-plan")
    public NotReady notReady(@Body @Valid NotReadyReport body) {
        access.requireField(body.fieldCode());
        return notReady.notReady(body.fieldCode());
    }
}
