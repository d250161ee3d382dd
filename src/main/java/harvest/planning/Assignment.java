package harvest.planning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Collection;

/** One chunk of a field harvested by one combine: the row a dispatcher reads out at the morning meeting (district time). */
@Serdeable
@Schema(name = "Assignment")
public record Assignment(
        @Schema(description = "The field's code, with #n for the nth part of a split field") String chunkId,
        String fieldCode,
        String machineCode,
        @Schema(description = "1-based position in the combine's itinerary") int sequence,
        OffsetDateTime start,
        OffsetDateTime end,
        double areaMu,
        double yieldKg,
        @Nullable String dryingSiteCode,
        @Nullable String teamCode,
        @Schema(description = "Road from the previous job, or from the base") double travelKm,
        AssignmentStatus status,
        @Schema(description = "Mu reported harvested on this chunk so far, over every plan it was in") double doneMu,
        @Schema(description = "Kept from the published plan when it was revised") boolean pinned,
        @Schema(description = "Put in question since publishing (a breakdown, rain, a field not ready): the next revision moves it") boolean needsReplan) {

    /** Mu of all {@code assignments}, to the hundredth. */
    public static double totalAreaMu(Collection<Assignment> assignments) {
        return hundredths(assignments.stream().mapToDouble(Assignment::areaMu).sum());
    }

    /** Road km of all {@code assignments}, to the hundredth. */
    public static double totalTravelKm(Collection<Assignment> assignments) {
        return hundredths(assignments.stream().mapToDouble(Assignment::travelKm).sum());
    }

    private static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
