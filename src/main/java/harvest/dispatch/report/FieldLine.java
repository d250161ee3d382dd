package harvest.dispatch.report;

import harvest.field.FieldStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** One field on the day of the report; community and district lines are sums of these. */
@Serdeable
@Schema(name = "ReportFieldLine")
public record FieldLine(
        String fieldCode,
        String communityCode,
        @Schema(description = "Now, not on the day") FieldStatus status,
        double areaMu,
        double harvestedTodayMu,
        double harvestedToDateMu,
        @Schema(description = "Ripe by the day and not yet harvested") double ripeRemainingMu,
        @Schema(description = "Ripe, not harvested, and no published slot ends before the next rain") boolean atRisk,
        double tonnesHarvested,
        double tonnesTakenIn,
        @Schema(description = "Harvested grain no drying site has taken yet") double tonnesWaiting,
        @Schema(description = "Chunks finished on the day with a volunteer team") int teamTasksDone,
        @Schema(description = "Standing loss since ripe and waiting loss, by planning rule 7") double expectedLossKg) {
}
