package harvest.planning;

import harvest.planning.domain.LossModel;
import harvest.planning.domain.Prices;
import harvest.planning.domain.WorkRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Planning rules 3, 4 and 7 and the prices of grain and road for one plan; anything left out keeps the district's default. */
@Serdeable
@Schema(name = "RuleOverrides")
public record RuleOverrides(
        @Nullable @DecimalMin("1") @DecimalMax("500") @Schema(description = "Fields above this many mu are split (default 40)") Double chunkMaxMu,
        @Nullable @DecimalMin("0") @DecimalMax("8") @Schema(description = "Set-up per field, hours (default 0.25)") Double setupHours,
        @Nullable @DecimalMin("1") @DecimalMax("3") @Schema(description = "Road km per straight-line km (default 1.3)") Double roadFactor,
        @Nullable @DecimalMin("1") @DecimalMax("80") @Schema(description = "Combine road speed, km/h (default 20)") Double roadSpeedKmh,
        @Nullable @DecimalMin("0") @DecimalMax("0.2") @Schema(description = "Share of yield lost per dry day standing ripe (default 0.005)") Double standingLossPerDryDay,
        @Nullable @DecimalMin("0") @DecimalMax("0.05") @Schema(description = "Share lost per wet hour standing ripe (default 0.001)") Double standingLossPerWetHour,
        @Nullable @DecimalMin("0") @DecimalMax("1") @Schema(description = "Most of a field's yield lost standing (default 0.30)") Double standingLossCap,
        @Nullable @Min(0) @Max(240) @Schema(description = "Hours harvested grain waits without loss (default 24)") Integer waitingGraceHours,
        @Nullable @DecimalMin("0") @DecimalMax("1") @Schema(description = "Share lost per day waiting after that (default 0.015)") Double waitingLossPerDay,
        @Nullable @DecimalMin("0") @DecimalMax("100") @Schema(description = "What a kg of grain is worth, yuan (default 2.4)") Double grainYuanPerKg,
        @Nullable @DecimalMin("0") @DecimalMax("1000") @Schema(description = "What a km of combine road costs, yuan (default 4)") Double roadYuanPerKm) {

    public static final RuleOverrides NONE = new RuleOverrides(null, null, null, null, null, null, null, null, null, null, null);

    public WorkRules workRules() {
        WorkRules d = WorkRules.DEFAULT;
        return new WorkRules(or(chunkMaxMu, d.chunkMaxMu()), or(setupHours, d.setupHours()), or(roadFactor, d.roadFactor()),
                or(roadSpeedKmh, d.roadSpeedKmh()), d.teamDayStart(), d.teamDayEnd());
    }

    public LossModel lossModel() {
        LossModel d = LossModel.DEFAULT;
        return new LossModel(or(standingLossPerDryDay, d.standingPerDryDay()), or(standingLossPerWetHour, d.standingPerWetHour()),
                or(standingLossCap, d.standingCap()), waitingGraceHours == null ? d.waitingGraceHours() : waitingGraceHours,
                or(waitingLossPerDay, d.waitingPerDay()));
    }

    public Prices prices() {
        Prices d = Prices.DEFAULT;
        return new Prices(or(grainYuanPerKg, d.grainYuanPerKg()), or(roadYuanPerKm, d.roadYuanPerKm()), d.unhelpedHouseholdYuan(),
                d.movedJobYuan(), d.teamOutsideItsDayYuanPerHour());
    }

    private static double or(@Nullable Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
