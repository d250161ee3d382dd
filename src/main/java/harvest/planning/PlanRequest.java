package harvest.planning;

import harvest.system.era.InServiceEra;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.Set;

/** Asks for a plan: a horizon of whole days, optionally narrowed to communities, fields or combines. */
@Serdeable
@Schema(name = "PlanRequest")
record PlanRequest(
        @NotNull @InServiceEra @Schema(description = "First local day of the horizon") LocalDate firstDay,
        @NotNull @Min(1) @Max(value = 31, message = "a horizon is at most 31 days") Integer days,
        @Nullable @Schema(description = "Only these communities (default: all)") Set<String> communities,
        @Nullable @Schema(description = "Only these fields (default: every field still to harvest)") Set<String> fields,
        @Nullable @Schema(description = "Only these combines (default: all)") Set<String> machines,
        @Nullable @Schema(description = "Default PLANNER") Strategy strategy,
        @Nullable @Min(1) @Max(3600) @Schema(description = "How long the planner may search (default 30)") Integer timeLimitSeconds,
        @Nullable @Valid RuleOverrides rules) {

    public PlanScope scope() {
        return new PlanScope(firstDay, days, communities, fields, machines);
    }
}
