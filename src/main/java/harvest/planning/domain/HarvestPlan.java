package harvest.planning.domain;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;

import java.util.List;

/**
 * Which combine harvests which chunk when, where the grain dries and which team helps. Hard: every rule of the
 * brief; medium: the grain lost (planning rule 7) and households left without help; soft: road travel.
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
    private ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides = ConstraintWeightOverrides.none();
    @PlanningScore
    private HardMediumSoftScore score;

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

    public ConstraintWeightOverrides<HardMediumSoftScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides) {
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
