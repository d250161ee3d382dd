package harvest.bench;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import harvest.planning.check.PlanValidator;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Horizon;
import harvest.planning.domain.LossModel;
import harvest.planning.domain.Prices;
import harvest.weather.WorkCalendar;
import harvest.planning.domain.WorkRules;
import harvest.planning.solver.RuleOfThumb;
import harvest.planning.solver.HarvestSolverConfig;
import harvest.planning.solver.Plans;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bound against answers worked out by hand (5 t fields, 06:00-22:00 workable, planning rule 7's defaults:
 * 0.5 % a dry day standing, 24 hours' grace then 1.5 % a day waiting), and against real plans.
 */
class LowerBoundTest {
    private static final int DAWN = 6 * 60;

    @Test
    void a_field_ripe_at_dawn_and_dried_the_day_it_is_cut_loses_nothing() {
        LowerBound.Result bound = LowerBound.solve(plan(2, List.of(field("A", DAWN, 2)), 10_000, 10_000));

        assertThat(bound.lossKg()).isCloseTo(0, within(1e-6));
    }

    @Test
    void a_field_ripe_at_midnight_loses_the_night_it_stands_through() {
        LowerBound.Result bound = LowerBound.solve(plan(2, List.of(field("A", 0, 2)), 10_000, 10_000));

        // 6 dry hours: 5,000 kg x 0.5 % x 6/24
        assertThat(bound.lossKg()).isCloseTo(6.25, within(1e-6));
        assertThat(bound.waitingKg()).isCloseTo(0, within(1e-6));
    }

    @Test
    void with_drying_short_the_second_field_stands_a_day_rather_than_wait_two() {
        // Three days; the sites dry 5 t on the first and nothing after. One field is cut and dried on day 0. The other:
        //  cut on day 0, waits from 22:00 to the end, 50 h: 26 h past the grace, 81.25 kg;
        //  cut at 06:00 on day 1, stood 24 h (25 kg), waits from 22:00, 26 h: 2 h past the grace (6.25 kg): 31.25 kg;
        //  cut on day 2, stood 48 h: 50 kg; never cut, stood 66 h: 68.75 kg.
        LowerBound.Result bound = LowerBound.solve(plan(3, List.of(field("A", DAWN, 3), field("B", DAWN, 3)), 5_000, 0, 0));

        assertThat(bound.lossKg()).isCloseTo(31.25, within(1e-6));
        assertThat(bound.standingKg()).isCloseTo(25, within(1e-6));
        assertThat(bound.waitingKg()).isCloseTo(6.25, within(1e-6));
    }

    @Test
    void grain_no_site_takes_waits_only_from_the_latest_a_job_that_day_could_end() {
        // Two days and no drying. A combine at 10 mu/h idles until 20:45 and finishes the 10 mu at 22:00: the field
        // stood 22 h (22.92 kg) and the grain waits 26 h to the end, 2 h past the grace (6.25 kg).
        Chunk field = Plans.chunk("A", 10);
        Harvester combine = Plans.route(Plans.harvester("M"), field);
        field.setHarvester(combine);
        field.setStart(20 * 60 + 45);
        field.setEnd(22 * 60);
        HarvestPlan plan = Plans.plan(List.of(combine), List.of(field), List.of(), List.of());
        PlanValidator.Report late = new PlanValidator().validate(plan);
        assertThat(late.violations()).isEmpty();
        assertThat(late.lossKg()).isCloseTo(22.92 + 6.25, within(0.01));

        // The bound charges standing from 06:00 (6.25 kg) and waiting from 22:00 (6.25 kg). Charged from 06:00, the
        // wait would cost 56.25 kg, the best cut would be at 06:00 on day 1 (31.25 kg), above what this plan loses.
        LowerBound.Result bound = LowerBound.solve(plan);
        assertThat(bound.lossKg()).isCloseTo(12.5, within(1e-6)).isLessThanOrEqualTo(late.lossKg());
    }

    @Test
    void the_bound_never_exceeds_what_the_rule_of_thumb_loses() {
        HarvestPlan plan = ScenarioGenerator.generate(ScenarioGenerator.DISTRICT, 7);
        LowerBound.Result bound = LowerBound.solve(plan);
        new RuleOfThumb().dispatch(plan);
        // the dispatcher fills in routes only; the validator reads the times, which Timefold's shadow variables hold
        SolutionManager.<HarvestPlan, HardSoftScore>create(SolverFactory.create(HarvestSolverConfig.create(Duration.ofSeconds(1))))
                .update(plan);
        PlanValidator.Report greedy = new PlanValidator().validate(plan);

        System.out.printf("district: bound %.0f kg (standing %.0f, waiting %.0f) in %d ms; greedy loses %.0f kg%n",
                bound.lossKg(), bound.standingKg(), bound.waitingKg(), bound.millis(), greedy.lossKg());
        assertThat(greedy.violations()).isEmpty();
        assertThat(greedy.harvestedMu()).isPositive();
        assertThat(bound.lossKg()).isPositive().isLessThanOrEqualTo(greedy.lossKg());
    }

    @Test
    void a_county_is_bounded_in_well_under_a_minute() {
        HarvestPlan plan = ScenarioGenerator.generate(ScenarioGenerator.COUNTY, 7);
        LowerBound.Result bound = LowerBound.solve(plan);

        System.out.printf("county: bound %.0f kg (standing %.0f, waiting %.0f) in %d ms%n",
                bound.lossKg(), bound.standingKg(), bound.waitingKg(), bound.millis());
        assertThat(bound.millis()).isLessThan(30_000);
    }

    /** A 5 t field (10 mu at 500 kg/mu) ripe from {@code ripe}, worked 06:00-22:00 over {@code days} dry days. */
    private static Chunk field(String id, int ripe, int days) {
        return new Chunk(id, "F-" + id, "WHEAT", 10, 5_000, Plans.BASE, ripe, false, dryDays(days), WorkRules.DEFAULT);
    }

    private static WorkCalendar dryDays(int days) {
        boolean[] workable = new boolean[days * 24];
        for (int h = 0; h < workable.length; h++) {
            workable[h] = h % 24 >= 6 && h % 24 < 22;
        }
        return new WorkCalendar("C", workable, new boolean[days * 24]);
    }

    /** The chunks over {@code days} days, with one site drying {@code kgPerDay} on each. */
    private static HarvestPlan plan(int days, List<Chunk> chunks, long... kgPerDay) {
        DryingCapacity site = new DryingCapacity("D", Plans.BASE, kgPerDay);
        return new HarvestPlan(new Horizon(days * 1440, LossModel.DEFAULT, Prices.DEFAULT), List.of(site), List.of(), List.of(),
                new ArrayList<>(chunks));
    }
}
