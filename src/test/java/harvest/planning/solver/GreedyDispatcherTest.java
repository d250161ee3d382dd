package harvest.planning.solver;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import org.junit.jupiter.api.Test;

import java.util.List;

import static harvest.planning.solver.Plans.chunk;
import static harvest.planning.solver.Plans.harvester;
import static harvest.planning.solver.Plans.plan;
import static harvest.planning.solver.Plans.site;
import static org.assertj.core.api.Assertions.assertThat;

class GreedyDispatcherTest {

    @Test
    void every_chunk_goes_to_a_combine_and_a_drying_site_with_room() {
        List<Chunk> chunks = List.of(chunk("A", 10), chunk("B", 10), chunk("C", 10));
        var small = site("SMALL", 4_000);
        var big = site("BIG", 50_000);
        HarvestPlan plan = new GreedyDispatcher().dispatch(plan(List.of(harvester("H1"), harvester("H2")), chunks,
                List.of(small, big), List.of()));

        assertThat(plan.getHarvesters()).flatExtracting(Harvester::getChunks).containsExactlyInAnyOrderElementsOf(chunks);
        assertThat(chunks).extracting(Chunk::getDryingSite).containsOnly(big);
    }

    @Test
    void jobs_kept_from_a_published_plan_stay_first_and_keep_their_site() {
        Chunk kept = chunk("KEPT", 10);
        Chunk fresh = chunk("FRESH", 10);
        var site = site("D1", 7_000);
        kept.setDryingSite(site);
        Harvester h1 = harvester("H1");
        h1.getChunks().add(kept);

        new GreedyDispatcher().dispatch(plan(List.of(h1), List.of(kept, fresh), List.of(site), List.of()));

        assertThat(h1.getChunks()).containsExactly(kept, fresh);
        assertThat(fresh.getDryingSite()).as("the kept job's grain already fills the site").isNull();
    }
}
