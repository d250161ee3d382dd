package harvest.dispatch;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;

@Serdeable
@Schema(name = "Disruption", description = "Something that put published work in question, and the draft re-plan made for it")
public record Disruption(
        long id,
        DisruptionKind kind,
        @Schema(description = "The broken combine, the communities the rain moved to, or the field not ready") String subject,
        String detail,
        @Schema(description = "The published plan it disrupted") long planId,
        @Schema(description = "Assignments flagged for re-planning") int flagged,
        OffsetDateTime at,
        String actor,
        @Nullable @Schema(description = "The draft revision for the dispatcher to check and publish; none yet while the planner is busy") Long draftPlanId,
        @Nullable @Schema(description = "Why no draft could be made (e.g. nothing left to plan)") String draftProblem) {
}
