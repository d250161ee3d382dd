package harvest.planning.outcome;

import harvest.planning.check.PlanValidator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** What a finished plan achieves and why it scores as it does. */
@Serdeable
@Schema(name = "PlanOutcome")
public record PlanOutcome(
        @Schema(description = "Timefold score: hard (rules broken) / soft (minus the cost in fen, hundredths of a yuan)") String score,
        PlanMetrics metrics,
        @Schema(description = "What the plan saves against the dispatcher's rule of thumb on the same problem") RuleOfThumbComparison ruleOfThumb,
        @Schema(description = "Fields (or parts) no combine harvests inside the horizon, with the reason") List<FieldRisk> unassigned,
        @Schema(description = "Planned fields that stand ripe long enough to lose at least 5 % of their grain") List<FieldRisk> atRisk,
        @Schema(description = "Each constraint's share of the score") List<ConstraintScore> explanation,
        @Schema(description = "Hard rules the independent checker found broken; empty for a sound plan") List<PlanValidator.Violation> violations,
        @Nullable @Schema(description = "For a revision: what changed against the plan it revises") PlanDiff diff) {
}
