package harvest.planning.check;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.DryingQueue;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Horizon;
import harvest.planning.domain.LossModel;
import harvest.planning.domain.Place;
import harvest.planning.domain.Prices;
import harvest.planning.domain.VolunteerTeam;
import harvest.weather.WorkCalendar;
import harvest.planning.domain.WorkRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker reads a plan's times as given: it catches schedules the solver should never produce. */
class PlanValidatorTest {
    private static final Place HOME = new Place(34.0, 113.8);
    private static final WorkCalendar DAYS = calendar();

    private final PlanValidator validator = new PlanValidator();

    @Test
    void a_sound_plan_has_no_violations() {
        Chunk job = job("A", "WHEAT", 10, 0, 6 * 60, 6 * 60 + 75);
        Harvester h = harvester("H1", job);

        assertThat(validator.validate(plan(List.of(h), List.of(job), List.of(), List.of())).violations()).isEmpty();
    }

    @Test
    void every_hard_rule_is_checked_from_the_plans_times() {
        Chunk corn = job("CORN", "CORN", 10, 0, 6 * 60, 6 * 60 + 75);
        Chunk unripe = job("UNRIPE", "WHEAT", 10, 9 * 60, 8 * 60, 9 * 60 + 15);
        Chunk far = new Chunk("FAR", "F-FAR", "WHEAT", 10, 5000, new Place(34.5, 113.8), 0, false, DAYS, WorkRules.DEFAULT);
        schedule(far, 9 * 60 + 20, 10 * 60 + 35);
        Chunk rushed = job("RUSH", "WHEAT", 10, 0, 21 * 60, 21 * 60 + 30);
        Chunk night = job("NIGHT", "WHEAT", 10, 0, 23 * 60, 23 * 60 + 75);
        Harvester h = harvester("H1", corn, unripe, far, rushed, night);

        var report = validator.validate(plan(List.of(h), List.of(corn, unripe, far, rushed, night), List.of(), List.of()));

        assertThat(report.violations()).extracting(PlanValidator.Violation::rule).contains(
                "crops", "ripeness", "one place at a time", "work time", "weather and work hours");
    }

    @Test
    void a_team_is_held_to_one_place_and_a_full_drying_site_queues_instead_of_breaking_a_rule() {
        DryingCapacity site = new DryingCapacity("D1", HOME, new long[] {8_000, 8_000});
        VolunteerTeam team = new VolunteerTeam("T1", "C");
        Chunk first = job("A", "WHEAT", 10, 0, 6 * 60, 7 * 60 + 15);
        Chunk second = job("B", "WHEAT", 10, 0, 6 * 60, 7 * 60 + 15);
        for (Chunk chunk : List.of(first, second)) {
            chunk.setDryingSite(site);
            chunk.setTeam(team);
        }

        var report = validator.validate(plan(List.of(harvester("H1", first), harvester("H2", second)),
                List.of(first, second), List.of(site), List.of(team)));

        assertThat(report.violations()).extracting(PlanValidator.Violation::rule).containsExactly("team in one place");
        // 2,000 kg of B's grain waits for day 1's noon: 28.75 h, 4.75 h past the grace day at 1.5 %/day
        assertThat(report.waitingKg()).isCloseTo(2_000 * 0.015 * 4.75 / 24, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void the_checker_and_the_solvers_queue_agree_to_the_kilogram() {
        DryingCapacity site = new DryingCapacity("D1", HOME, new long[] {6_000, 3_000});
        List<Chunk> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Chunk job = job("J" + i, "WHEAT", 4 + i, 0, 6 * 60 + 100 * i, 6 * 60 + 100 * i + 60);
            job.setDryingSite(site);
            jobs.add(job);
        }
        jobs.add(job("LATE", "WHEAT", 6, 0, 1440 + 15 * 60, 1440 + 16 * 60));
        jobs.getLast().setDryingSite(site);
        var plan = plan(List.of(harvester("H1", jobs.toArray(Chunk[]::new))), jobs, List.of(site), List.of());

        double solvers = DryingQueue.lossKg(site, jobs.stream().map(Chunk::arrival).sorted().toList(), plan.getHorizon());

        assertThat(solvers).isPositive();
        assertThat(validator.validate(plan).waitingKg()).isCloseTo(solvers, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void the_loss_is_recomputed_from_the_plan() {
        Chunk cut = job("CUT", "WHEAT", 10, 0, 6 * 60, 7 * 60 + 15);
        Chunk standing = new Chunk("STAND", "F-STAND", "WHEAT", 10, 5000, HOME, 0, false, DAYS, WorkRules.DEFAULT);

        var report = validator.validate(plan(List.of(harvester("H1", cut)), List.of(cut, standing), List.of(), List.of()));

        // cut at 07:15 and left without a drying site: 7.55 kg standing + 52.34 kg waiting; never cut: 50 kg
        assertThat(report.lossKg()).isCloseTo(7.55 + 52.34 + 50.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(report.harvestedMu()).isEqualTo(10);
    }

    private static Chunk job(String id, String crop, double mu, int ripeFrom, int start, int end) {
        Chunk chunk = new Chunk(id, "F-" + id, crop, mu, mu * 500, HOME, ripeFrom, false, DAYS, WorkRules.DEFAULT);
        return schedule(chunk, start, end);
    }

    private static Chunk schedule(Chunk chunk, int start, int end) {
        chunk.setStart(start);
        chunk.setEnd(end);
        return chunk;
    }

    private static Harvester harvester(String code, Chunk... chunks) {
        Harvester harvester = new Harvester(code, 10, Set.of("WHEAT"), HOME, 0, 2 * 1440);
        harvester.setChunks(new ArrayList<>(List.of(chunks)));
        for (Chunk chunk : chunks) {
            chunk.setHarvester(harvester);
        }
        return harvester;
    }

    private static HarvestPlan plan(List<Harvester> harvesters, List<Chunk> chunks, List<DryingCapacity> sites, List<VolunteerTeam> teams) {
        return new HarvestPlan(new Horizon(2 * 1440, LossModel.DEFAULT, Prices.DEFAULT), sites, teams, harvesters, chunks);
    }

    private static WorkCalendar calendar() {
        boolean[] workable = new boolean[48];
        for (int h = 0; h < 48; h++) {
            workable[h] = h % 24 >= 6 && h % 24 < 22;
        }
        return new WorkCalendar("C", workable, new boolean[48]);
    }
}
