package harvest.planning.outcome;

import harvest.planning.check.PlanValidator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The plan against the dispatcher's rule of thumb (planning rule 9) on the same problem, both judged by the checker. */
@Serdeable
@Schema(name = "RuleOfThumbComparison")
public record RuleOfThumbComparison(
        @Schema(description = "What the rule of thumb would cost, yuan") double costYuan,
        @Schema(description = "Grain the rule of thumb would lose, kg") double lossKg,
        @Schema(description = "Road the rule of thumb would drive, km") double travelKm,
        @Schema(description = "Grain this plan saves against it, kg (negative: loses more)") double savedKg,
        @Schema(description = "Yuan this plan saves against it (negative: costs more)") double savedYuan,
        @Schema(description = "The line for the daily meeting, e.g. 'saves 146 t of grain and 230,000 yuan against the rule of thumb'") String summary) {

    static RuleOfThumbComparison of(PlanValidator.Report plan, PlanValidator.Report ruleOfThumb) {
        double savedKg = ruleOfThumb.lossKg() - plan.lossKg();
        double savedYuan = ruleOfThumb.costYuan() - plan.costYuan();
        return new RuleOfThumbComparison(Math.round(ruleOfThumb.costYuan()), Math.round(ruleOfThumb.lossKg()),
                Math.round(ruleOfThumb.roadKm() * 10) / 10.0, Math.round(savedKg), Math.round(savedYuan), summary(savedKg, savedYuan));
    }

    private static String summary(double savedKg, double savedYuan) {
        if (Math.abs(savedYuan) < 0.5) {
            return "costs the same as the rule of thumb";
        }
        String verb = savedYuan > 0 ? "saves " : "costs ";
        String grain = (savedKg >= 0) == (savedYuan > 0) ? tonnes(Math.abs(savedKg)) + " of grain and " : "";
        return verb + grain + yuan(Math.abs(savedYuan))
                + (savedYuan > 0 ? " against the rule of thumb" : " more than the rule of thumb");
    }

    private static String yuan(double yuan) {
        return String.format("%,d yuan", yuan >= 10_000 ? Math.round(yuan / 1000) * 1000 : Math.round(yuan));
    }

    private static String tonnes(double kg) {
        return kg >= 10_000 ? Math.round(kg / 1000) + " t" : kg >= 1000 ? String.format("%.1f t", kg / 1000) : Math.round(kg) + " kg";
    }
}
