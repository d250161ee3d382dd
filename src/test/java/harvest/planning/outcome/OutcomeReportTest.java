package harvest.planning.outcome;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.WorkRules;
import harvest.planning.check.PlanValidator;
import harvest.planning.solver.RuleOfThumb;
import harvest.planning.solver.HarvestSolverConfig;
import harvest.planning.solver.Plans;
import harvest.planning.solver.ScoreExplainer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static harvest.planning.solver.Plans.chunk;
import static harvest.planning.solver.Plans.harvester;
import static harvest.planning.solver.Plans.plan;
import static harvest.planning.solver.Plans.site;
import static org.assertj.core.api.Assertions.assertThat;

class OutcomeReportTest {
    private final SolutionManager<HarvestPlan, HardSoftScore> solutions =
            SolutionManager.create(SolverFactory.create(HarvestSolverConfig.create(Duration.ofSeconds(1))));

    @Test
    void fields_left_out_say_why_and_the_explanation_adds_up_to_the_score() {
        Chunk wheat = chunk("W", 10);
        Chunk corn = new Chunk("K", "F-K", "CORN", 10, 5000, Plans.BASE, 0, false, Plans.dryDays(), WorkRules.DEFAULT);
        Chunk late = new Chunk("L", "F-L", "WHEAT", 10, 5000, Plans.BASE, Plans.HORIZON, false, Plans.dryDays(), WorkRules.DEFAULT);
        Chunk drowned = new Chunk("R", "F-R", "WHEAT", 10, 5000, Plans.BASE, 0, false, Plans.calendar(range(0, 48)), WorkRules.DEFAULT);
        HarvestPlan plan = new RuleOfThumb().dispatch(plan(List.of(harvester("H1")), List.of(wheat, corn, late, drowned),
                List.of(site("D1", 100_000)), List.of()));
        Map<String, HardSoftScore> explanation = new ScoreExplainer(solutions).explain(plan);

        OutcomeReport.Result result = OutcomeReport.of(plan, LocalDate.parse("2023-05-28"), explanation, Map.of(), null,
                new PlanValidator().validate(plan));

        assertThat(result.assignments()).extracting(a -> a.chunkId()).containsExactly("W");
        assertThat(result.outcome().unassigned()).extracting(FieldRisk::fieldCode, FieldRisk::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("F-K", "no combine in the plan harvests CORN"),
                org.assertj.core.groups.Tuple.tuple("F-L", "not ripe before the horizon ends"),
                org.assertj.core.groups.Tuple.tuple("F-R", "no workable hour once it is ripe: rain, dry-out or no forecast until the horizon ends"));
        assertThat(explanation.values().stream().reduce(HardSoftScore.ZERO, HardSoftScore::add)).isEqualTo(plan.getScore());
        assertThat(result.outcome().violations()).isEmpty();
        assertThat(result.outcome().metrics().harvestedMu()).isEqualTo(10);
        assertThat(result.outcome().metrics().atRiskMu()).isEqualTo(30);
        assertThat(result.outcome().metrics().dryingQueues()).singleElement().satisfies(queue -> assertThat(queue.days()).first()
                .satisfies(day -> assertThat(day.arrivingTonnes()).isEqualTo(5.0)));
        assertThat(result.outcome().ruleOfThumb().summary()).as("the rule of thumb against itself").isEqualTo("costs the same as the rule of thumb");
        assertThat(result.outcome().metrics().costYuan()).isEqualTo(result.outcome().ruleOfThumb().costYuan());
    }

    private static int[] range(int from, int to) {
        int[] hours = new int[to - from];
        for (int h = from; h < to; h++) {
            hours[h - from] = h;
        }
        return hours;
    }
}
