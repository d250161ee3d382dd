package harvest.planning.solver;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import harvest.planning.domain.HarvestPlan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each constraint's share of a plan's score. Timefold's own score analysis is a commercial feature, so each
 * constraint is scored alone by switching the others off through constraint weight overrides.
 */
public final class ScoreExplainer {
    private final SolutionManager<HarvestPlan, HardSoftScore> solutionManager;

    public ScoreExplainer(SolutionManager<HarvestPlan, HardSoftScore> solutionManager) {
        this.solutionManager = solutionManager;
    }

    /** Constraint name to its (non-zero) score; the plan is left with its full score. */
    public Map<String, HardSoftScore> explain(HarvestPlan plan) {
        Map<String, HardSoftScore> shares = new LinkedHashMap<>();
        try {
            for (String constraint : HarvestConstraints.NAMES) {
                Map<String, HardSoftScore> others = new LinkedHashMap<>();
                HarvestConstraints.NAMES.stream().filter(name -> !name.equals(constraint))
                        .forEach(name -> others.put(name, HardSoftScore.ZERO));
                plan.setConstraintWeightOverrides(ConstraintWeightOverrides.of(others));
                HardSoftScore share = solutionManager.update(plan);
                if (!share.isZero()) {
                    shares.put(constraint, share);
                }
            }
        } finally {
            plan.setConstraintWeightOverrides(ConstraintWeightOverrides.none());
            solutionManager.update(plan);
        }
        return shares;
    }
}
