package harvest.planning.solver;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Place;
import harvest.planning.domain.WorkRules;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static harvest.planning.solver.Plans.chunk;
import static harvest.planning.solver.Plans.dryDays;
import static harvest.planning.solver.Plans.harvester;
import static harvest.planning.solver.Plans.plan;
import static harvest.planning.solver.Plans.site;
import static org.assertj.core.api.Assertions.assertThat;

/** Planning rule 9, the rule of thumb, clause by clause. */
class RuleOfThumbTest {

    @Test
    void a_free_combine_goes_to_the_nearest_field_ripe_now_or_within_six_hours() {
        Chunk farRipe = at("FAR", 0.05, 0);
        Chunk nearUnripe = at("NEAR", 0.001, 10 * 60);
        Chunk midRipeSoon = at("MID", 0.01, 5 * 60);
        Harvester h1 = harvester("H1");

        new RuleOfThumb().dispatch(plan(List.of(h1), List.of(farRipe, nearUnripe, midRipeSoon), List.of(), List.of()));

        assertThat(h1.getChunks()).extracting(Chunk::getId).startsWith("MID");
    }

    @Test
    void a_combine_with_nothing_ripe_within_six_hours_waits_for_the_next_field_to_ripen() {
        Chunk late = at("LATE", 0.01, 20 * 60);
        Harvester h1 = harvester("H1");

        new RuleOfThumb().dispatch(plan(List.of(h1), List.of(late), List.of(), List.of()));

        assertThat(h1.getChunks()).containsExactly(late);
        assertThat(late.slotAfter(h1, null, 14 * 60).start()).as("it starts once ripe").isEqualTo(20 * 60);
    }

    @Test
    void grain_goes_to_the_nearest_site_with_room_that_day_else_to_the_nearest_site() {
        Chunk first = chunk("A", 10);
        Chunk second = chunk("B", 10);
        Chunk third = chunk("C", 10);
        DryingCapacity near = site("NEAR", 5_000);
        DryingCapacity far = new DryingCapacity("FAR", new Place(34.1, 113.8), perDay(5_000));

        new RuleOfThumb().dispatch(plan(List.of(harvester("H1")), List.of(first, second, third), List.of(near, far), List.of()));

        assertThat(List.of(first, second, third)).extracting(c -> c.getDryingSite().code())
                .as("the near site fills, then the far one, then both queue at the near one").containsExactly("NEAR", "FAR", "NEAR");
    }

    @Test
    void a_household_that_needs_help_gets_the_first_free_team() {
        Chunk needy = chunk("N", 10, dryDays(), true);
        Chunk other = chunk("O", 10);
        var t1 = Plans.team("T1");
        var t2 = Plans.team("T2");

        new RuleOfThumb().dispatch(plan(List.of(harvester("H1")), List.of(needy, other), List.of(), List.of(t1, t2)));

        assertThat(needy.getTeam()).isEqualTo(t1);
        assertThat(other.getTeam()).isNull();
    }

    @Test
    void jobs_kept_from_a_published_plan_stay_first_and_keep_their_site() {
        Chunk kept = chunk("KEPT", 10);
        Chunk fresh = chunk("FRESH", 10);
        var site = site("D1", 7_000);
        kept.setDryingSite(site);
        Harvester h1 = harvester("H1");
        h1.getChunks().add(kept);

        new RuleOfThumb().dispatch(plan(List.of(h1), List.of(kept, fresh), List.of(site), List.of()));

        assertThat(h1.getChunks()).containsExactly(kept, fresh);
        assertThat(kept.getDryingSite()).isEqualTo(site);
        assertThat(fresh.getDryingSite()).as("full for the day, the only site still takes it into its queue").isEqualTo(site);
    }

    private static Chunk at(String id, double northDegrees, int ripeFrom) {
        return new Chunk(id, "F-" + id, "WHEAT", 10, 5_000, new Place(Plans.BASE.lat() + northDegrees, Plans.BASE.lon()), ripeFrom,
                false, dryDays(), WorkRules.DEFAULT);
    }

    private static long[] perDay(long kg) {
        long[] days = new long[Plans.DAYS];
        Arrays.fill(days, kg);
        return days;
    }
}
