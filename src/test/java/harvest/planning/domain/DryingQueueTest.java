package harvest.planning.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Planning rule 6: a site's first-come-first-served queue, day by day. */
class DryingQueueTest {
    private static final Horizon THREE_DAYS = new Horizon(3 * 1440, LossModel.DEFAULT, Prices.DEFAULT);
    private static final DryingCapacity SITE = new DryingCapacity("D1", new Place(34, 113.8), new long[] {4_000, 4_000, 4_000});

    @Test
    void grain_cut_after_noon_and_dried_the_same_day_has_not_waited() {
        var outcome = DryingQueue.run(SITE, List.of(new DryingQueue.Arrival(15 * 60, "A", 4_000)), THREE_DAYS, true);

        assertThat(outcome.lossKg()).isZero();
        assertThat(outcome.days()).singleElement().isEqualTo(new DryingQueue.Day(0, 4_000, 4_000, 0, 0));
    }

    @Test
    void what_a_day_cannot_dry_waits_for_the_next_in_order_of_arrival() {
        var outcome = DryingQueue.run(SITE, List.of(
                new DryingQueue.Arrival(7 * 60, "A", 6_000),
                new DryingQueue.Arrival(8 * 60, "B", 3_000)), THREE_DAYS, true);

        // day 0 dries 4 t of A; day 1 the other 2 t of A (29 h, 5 h past the grace day) and 2 t of B (28 h, 4 h past);
        // day 2 the last 1 t of B (52 h, 28 h past), at 1.5 % a day
        double lost = 2_000 * 0.015 * 5 / 24 + 2_000 * 0.015 * 4 / 24 + 1_000 * 0.015 * 28 / 24;
        assertThat(outcome.lossKg()).isCloseTo(lost, within(1e-9));
        assertThat(outcome.days()).containsExactly(
                new DryingQueue.Day(0, 9_000, 4_000, 5_000, 17 * 60),
                new DryingQueue.Day(1, 0, 4_000, 1_000, 40 * 60),
                new DryingQueue.Day(2, 0, 1_000, 0, 52 * 60));
    }

    @Test
    void grain_still_queued_when_the_horizon_ends_has_waited_until_then() {
        DryingCapacity small = new DryingCapacity("D2", SITE.place(), new long[] {1_000, 0, 0});

        double lost = DryingQueue.lossKg(small, List.of(new DryingQueue.Arrival(6 * 60, "A", 3_000)), THREE_DAYS);

        // 1 t dried at noon on day 0; 2 t wait 66 h to the horizon's end, 42 h past the grace day
        assertThat(lost).isCloseTo(2_000 * 0.015 * 42 / 24, within(1e-9));
    }
}
