package harvest.planning;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One combine's day-by-day route in a plan: what its operator is told.
 *
 * @param days The same jobs by the day they start, with where and who each is, to navigate by
 */
@Serdeable
@Schema(name = "Itinerary")
public record Itinerary(String machineCode, int jobs, double areaMu, double travelKm, List<Assignment> assignments,
                        List<JobDay> days) {

    static Itinerary of(String machineCode, List<Assignment> assignments, List<JobDay> days) {
        return new Itinerary(machineCode, assignments.size(), Assignment.totalAreaMu(assignments),
                Assignment.totalTravelKm(assignments), assignments, days);
    }
}
