package harvest.planning.outcome;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Serdeable
@Schema(name = "PlanMetrics")
public record PlanMetrics(
        @Schema(description = "Expected loss of planning rule 7, recomputed by the independent checker") Loss lossKg,
        double harvestedMu,
        double atRiskMu,
        double travelKm,
        @Schema(description = "Labour-short or elderly households harvested without a team") int householdsWithoutHelp,
        List<DayMu> muPerDay,
        List<SiteDay> dryingIntake,
        List<MachineUse> machines) {

    @Serdeable
    @Schema(name = "LossKg")
    public record Loss(double standing, double waiting, double total) {
    }

    @Serdeable
    @Schema(name = "DayMu")
    public record DayMu(LocalDate day, double mu) {
    }

    @Serdeable
    @Schema(name = "SiteDay", description = "Grain a drying site takes in on a day, against that day's capacity")
    public record SiteDay(String site, LocalDate day, long kg, long capacityKg) {
    }

    @Serdeable
    @Schema(name = "MachineUse")
    public record MachineUse(String machine, int jobs, double areaMu, double workHours, double travelKm,
                             @Schema(description = "Hours of its availability inside any planned community's windows") double workableHours,
                             @Schema(description = "workHours / workableHours") double utilisation) {
    }
}
