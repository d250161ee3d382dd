package harvest.planning.domain;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardSoftScore;

import java.util.List;

/**
 * Which combine harvests which chunk when, where the grain dries and which team helps. Hard: every rule of the
 * brief; soft: what the plan costs in fen, grain lost and road and the penalties priced in yuan.
 */
@PlanningSolution
public class HarvestPlan {
    @ProblemFactProperty
    private Horizon horizon;
    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<DryingCapacity> dryingSites;
    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<VolunteerTeam> teams;
    @PlanningEntityCollectionProperty
    private List<Harvester> harvesters;
    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Chunk> chunks;
    /** Empty while solving; the score explanation switches constraints off one at a time through it. */
    private ConstraintWeightOverrides<HardSoftScore> constraintWeightOverrides = ConstraintWeightOverrides.none();
    @PlanningScore
    private HardSoftScore score;

    public HarvestPlan() {
    }

    public HarvestPlan(Horizon horizon, List<DryingCapacity> dryingSites, List<VolunteerTeam> teams,
                       List<Harvester> harvesters, List<Chunk> chunks) {
        this.horizon = horizon;
        this.dryingSites = dryingSites;
        this.teams = teams;
        this.harvesters = harvesters;
        this.chunks = chunks;
    }

    public Horizon getHorizon() {
        return horizon;
    }

    public List<DryingCapacity> getDryingSites() {
        return dryingSites;
    }

    public List<VolunteerTeam> getTeams() {
        return teams;
    }

    public List<Harvester> getHarvesters() {
        return harvesters;
    }

    public List<Chunk> getChunks() {
        return chunks;
    }

    public ConstraintWeightOverrides<HardSoftScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardSoftScore> constraintWeightOverrides) {
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public HardSoftScore getScore() {
        return score;
    }

    public void setScore(HardSoftScore score) {
        this.score = score;
    }
}
