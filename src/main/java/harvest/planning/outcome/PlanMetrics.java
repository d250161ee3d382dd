package harvest.planning.outcome;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Serdeable
@Schema(name = "PlanMetrics")
public record PlanMetrics(
        @Schema(description = "Grain lost at the plan's grain price plus road at its price per km, yuan (independent checker)") double costYuan,
        @Schema(description = "Expected loss of planning rule 7, recomputed by the independent checker") Loss lossKg,
        double harvestedMu,
        double atRiskMu,
        double travelKm,
        @Schema(description = "Labour-short or elderly households harvested without a team") int householdsWithoutHelp,
        List<DayMu> muPerDay,
        @Schema(description = "Each drying site's first-come-first-served queue, day by day (rule 6)") List<SiteQueue> dryingQueues,
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
    @Schema(name = "SiteQueue")
    public record SiteQueue(String site, List<QueueDay> days) {
    }

    @Serdeable
    @Schema(name = "QueueDay", description = "A day at a drying site: grain arriving, dried (up to the day's capacity), still queued at midnight")
    public record QueueDay(LocalDate day, double arrivingTonnes, double driedTonnes, double capacityTonnes, double waitingTonnes,
                           @Schema(description = "The longest any grain dried that day or still queued at midnight has waited") double longestWaitHours) {
    }

    @Serdeable
    @Schema(name = "MachineUse")
    public record MachineUse(String machine, int jobs, double areaMu, double workHours, double travelKm,
                             @Schema(description = "Hours of its availability inside any planned community's windows") double workableHours,
                             @Schema(description = "workHours / workableHours") double utilisation) {
    }
}
