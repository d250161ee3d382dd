package harvest.dispatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A community's line of the daily report, or the district's (no community code): the sum of the lines below it. */
@Serdeable
@Schema(name = "DispatchTotals")
public record DispatchTotals(
        @Nullable String communityCode,
        String name,
        double totalMu,
        double harvestedTodayMu,
        double harvestedToDateMu,
        double percentComplete,
        double ripeRemainingMu,
        int fieldsAtRisk,
        @Schema(description = "Combines that reported work on the day (each counted once, where it last worked)") int machinesWorking,
        @Schema(description = "Available, not broken, no work reported (counted at the community nearest its base)") int machinesIdle,
        int machinesBroken,
        @Schema(description = "Available combines from other counties, working or not") int machinesBorrowed,
        double dryingIntakeTonnes,
        @Schema(description = "The sites' capacity on the day; an open yard's is cut by the wet hours") double dryingCapacityTonnes,
        double tonnesWaiting,
        int teamTasksDone,
        double expectedLossKg) {
}
