package harvest.planning.solver;

import ai.timefold.solver.core.api.solver.SolverFactory;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Place;
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
                .buildSolver().solve(new GreedyDispatcher().dispatch(problem));

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
}
