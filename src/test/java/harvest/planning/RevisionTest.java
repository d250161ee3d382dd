package harvest.planning;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.system.DistrictTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static harvest.planning.solver.Plans.chunk;
import static harvest.planning.solver.Plans.harvester;
import static harvest.planning.solver.Plans.plan;
import static harvest.planning.solver.Plans.site;
import static org.assertj.core.api.Assertions.assertThat;

class RevisionTest {
    private static final Instant DAY = Instant.parse("2023-05-27T16:00:00Z");

    private static Assignment published(String chunk, String machine, int sequence, AssignmentStatus status) {
        Instant start = DAY.plusSeconds(3600L * (6 + sequence));
        return new Assignment(chunk, "F-" + chunk, machine, sequence, DistrictTime.local(start), DistrictTime.local(start.plusSeconds(1800)), 10, 5000,
                "D1", null, 1.0, status, 0, false, false);
    }

    private final List<Assignment> itinerary = List.of(
            published("A", "H1", 1, AssignmentStatus.DONE),
            published("B", "H1", 2, AssignmentStatus.PLANNED),
            published("C", "H1", 3, AssignmentStatus.CONFIRMED),
            published("D", "H1", 4, AssignmentStatus.PLANNED),
            published("E", "H2", 1, AssignmentStatus.PLANNED));

    private HarvestPlan problem() {
        List<Chunk> chunks = List.of(chunk("A", 10), chunk("B", 10), chunk("C", 10), chunk("D", 10), chunk("E", 10), chunk("NEW", 10));
        return plan(List.of(harvester("H1"), harvester("H2")), chunks, List.of(site("D1", 100_000)), List.of());
    }

    @Test
    void confirmed_work_and_everything_before_it_on_its_combine_is_pinned_and_the_planner_keeps_the_whole_itinerary() {
        HarvestPlan problem = problem();

        new Revision(itinerary, null).applyTo(problem, Strategy.PLANNER);

        Harvester h1 = problem.getHarvesters().getFirst();
        assertThat(h1.getChunks()).extracting(Chunk::getId).containsExactly("A", "B", "C", "D");
        assertThat(h1.getFirstUnpinned()).isEqualTo(3);
        assertThat(h1.getChunks()).extracting(Chunk::isPinned).containsExactly(true, true, true, false);
        assertThat(h1.getChunks()).allSatisfy(c -> assertThat(c.getDryingSite().code()).isEqualTo("D1"));
        assertThat(problem.getHarvesters().get(1).getFirstUnpinned()).isZero();
        assertThat(problem.getChunks()).filteredOn(c -> c.getId().equals("E")).singleElement()
                .satisfies(c -> assertThat(c.getPublishedMachine()).isEqualTo("H2"));
        assertThat(problem.getChunks()).filteredOn(c -> c.getId().equals("NEW")).singleElement()
                .satisfies(c -> assertThat(c.getPublishedMachine()).isNull());
    }

    @Test
    void the_greedy_rule_keeps_only_the_pinned_part_and_work_started_before_a_time_counts_as_started() {
        HarvestPlan problem = problem();

        new Revision(itinerary, DAY.plusSeconds(3600L * 10)).applyTo(problem, Strategy.GREEDY);

        assertThat(problem.getHarvesters().getFirst().getChunks()).extracting(Chunk::getId).containsExactly("A", "B", "C");
        assertThat(problem.getHarvesters().get(1).getChunks()).extracting(Chunk::getId).containsExactly("E");
        assertThat(problem.getHarvesters().get(1).getFirstUnpinned()).isEqualTo(1);
    }
}
