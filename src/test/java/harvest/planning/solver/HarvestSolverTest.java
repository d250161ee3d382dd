package harvest.planning.solver;

import ai.timefold.solver.core.api.solver.SolverFactory;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Place;
import harvest.planning.domain.Prices;
import harvest.planning.domain.WorkRules;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static harvest.planning.solver.Plans.chunk;
import static harvest.planning.solver.Plans.dryDays;
import static harvest.planning.solver.Plans.harvester;
import static harvest.planning.solver.Plans.plan;
import static harvest.planning.solver.Plans.site;
import static harvest.planning.solver.Plans.team;
import static org.assertj.core.api.Assertions.assertThat;

/** The real engine on a small district: it finds a feasible plan that harvests everything that fits. */
class HarvestSolverTest {

    @Test
    void a_small_district_gets_a_feasible_plan_that_harvests_every_chunk() {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            chunks.add(new Chunk("W" + i, "F-W" + i, "WHEAT", 20, 20 * 500, new Place(34.0 + i * 0.01, 113.8), 0, false,
                    dryDays(), WorkRules.DEFAULT));
        }
        Chunk corn = new Chunk("K", "F-K", "CORN", 20, 10_000, new Place(34.05, 113.85), 0, false, dryDays(), WorkRules.DEFAULT);
        Chunk needy = chunk("N", 10, dryDays(), true);
        chunks.add(corn);
        chunks.add(needy);
        Harvester wheatOnly = harvester("H1", "WHEAT");
        Harvester both = harvester("H2", "WHEAT", "CORN");
        HarvestPlan problem = plan(List.of(wheatOnly, both), chunks,
                List.of(site("D1", 60_000), site("D2", 60_000)), List.of(team("T1")));

        HarvestPlan solved = SolverFactory.<HarvestPlan>create(HarvestSolverConfig.create(Duration.ofSeconds(3)))
                .buildSolver().solve(DryingAwareStart.dispatch(problem));

        assertThat(solved.getScore().hardScore()).as(solved.getScore().toString()).isZero();
        assertThat(solved.getChunks()).allSatisfy(chunk -> {
            assertThat(chunk.isFinishedInTime()).as(chunk.getId()).isTrue();
            assertThat(chunk.getDryingSite()).as(chunk.getId()).isNotNull();
        });
        Chunk solvedCorn = solved.getChunks().stream().filter(c -> c.getId().equals("K")).findFirst().orElseThrow();
        Chunk solvedNeedy = solved.getChunks().stream().filter(c -> c.getId().equals("N")).findFirst().orElseThrow();
        assertThat(solvedCorn.getHarvester().getCode()).isEqualTo("H2");
        assertThat(solvedNeedy.getTeam()).isNotNull();
    }

    @Test
    void pinned_jobs_keep_their_combine_order_and_drying_site() {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chunks.add(chunk("C" + i, 15));
        }
        Harvester slow = harvester("H1");
        Harvester other = harvester("H2");
        var far = site("FAR", 100_000);
        var near = site("NEAR", 100_000);
        // a deliberately poor start: everything on one combine, and a pinned job without a drying site
        slow.getChunks().addAll(List.of(chunks.get(4), chunks.get(5), chunks.get(0), chunks.get(1), chunks.get(2), chunks.get(3)));
        slow.setFirstUnpinned(2);
        chunks.get(4).setPinned(true);
        chunks.get(5).setPinned(true);
        chunks.get(5).setDryingSite(far);
        HarvestPlan problem = plan(List.of(slow, other), chunks, List.of(far, near), List.of());

        HarvestPlan solved = SolverFactory.<HarvestPlan>create(HarvestSolverConfig.create(Duration.ofSeconds(2)))
                .buildSolver().solve(problem);

        Harvester h1 = solved.getHarvesters().getFirst();
        assertThat(h1.getChunks().subList(0, 2)).extracting(Chunk::getId).containsExactly("C4", "C5");
        assertThat(h1.getChunks().get(0).getDryingSite()).isNull();
        assertThat(h1.getChunks().get(1).getDryingSite().code()).isEqualTo("FAR");
        assertThat(solved.getChunks().subList(0, 4)).allSatisfy(c -> assertThat(c.getDryingSite()).isNotNull());
        assertThat(solved.getHarvesters().get(1).getChunks()).as("the free jobs are shared out").isNotEmpty();
    }

    @Test
    void where_drying_binds_the_checker_and_the_score_agree_on_the_grain_to_the_kilogram() {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            chunks.add(new Chunk("W" + i, "F-W" + i, "WHEAT", 15, 15 * 500, new Place(34.0 + i * 0.005, 113.8), 0, false,
                    Plans.calendar(30, 31, 32, 33), WorkRules.DEFAULT));
        }
        HarvestPlan problem = plan(List.of(harvester("H1"), harvester("H2")), chunks,
                List.of(site("D1", 20_000), site("D2", 10_000)), List.of());

        HarvestPlan solved = SolverFactory.<HarvestPlan>create(HarvestSolverConfig.create(Duration.ofSeconds(2)))
                .buildSolver().solve(DryingAwareStart.dispatch(problem));

        var shares = new ScoreExplainer(ai.timefold.solver.core.api.solver.SolutionManager.create(
                SolverFactory.<HarvestPlan>create(HarvestSolverConfig.create(Duration.ofSeconds(1))))).explain(solved);
        long grainFen = java.util.stream.Stream.of(HarvestConstraints.GRAIN_LOST_STANDING, HarvestConstraints.GRAIN_LOST_IN_DRYING_QUEUES,
                        HarvestConstraints.GRAIN_WITHOUT_A_DRYING_SITE)
                .mapToLong(name -> shares.containsKey(name) ? -shares.get(name).softScore() : 0).sum()
                - HarvestConstraints.NO_DRYING_SITE * solved.getChunks().stream().filter(c -> c.isFinishedInTime() && c.getDryingSite() == null).count();
        var check = new harvest.planning.check.PlanValidator().validate(solved);

        assertThat(check.violations()).isEmpty();
        assertThat(check.waitingKg()).as("drying binds, so grain queues").isPositive();
        assertThat(grainFen / 100.0 / Prices.DEFAULT.grainYuanPerKg()).isCloseTo(check.lossKg(), org.assertj.core.data.Offset.offset(1.0));
    }
}
