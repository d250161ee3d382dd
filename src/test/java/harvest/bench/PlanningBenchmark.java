package harvest.bench;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import harvest.planning.Assignment;
import harvest.planning.Revision;
import harvest.planning.Strategy;
import harvest.planning.check.PlanValidator;
import harvest.planning.domain.WorkCalendar;
import harvest.planning.outcome.OutcomeReport;
import harvest.planning.outcome.PlanDiff;
import harvest.system.DistrictTime;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.solver.GreedyDispatcher;
import harvest.planning.solver.HarvestSolverConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Planner against the greedy dispatcher on seeded scenarios (district, county; region with
 * {@code -Dharvest.bench.region=true}, the district alone with {@code -Dharvest.bench.districtOnly=true}),
 * printed with the ratios the issue asks for and the independent checker's violations by rule. Run with
 * {@code ./mvnw test -Pbenchmark}.
 */
@Tag("benchmark")
class PlanningBenchmark {
    private static final long SEED = 7;

    record Result(String strategy, HardMediumSoftScore score, double lossKg, double harvestedMu, double atRiskMu,
                  double travelKm, long millis, long peakMb, java.util.Map<String, Long> violations) {
    }

    @Test
    void planner_against_greedy() {
        List<ScenarioGenerator.Size> sizes = new ArrayList<>(List.of(ScenarioGenerator.DISTRICT, ScenarioGenerator.COUNTY));
        if (Boolean.getBoolean("harvest.bench.districtOnly")) {
            sizes.remove(ScenarioGenerator.COUNTY);
        }
        if (Boolean.getBoolean("harvest.bench.region")) {
            sizes.add(ScenarioGenerator.REGION);
        }
        System.out.printf("%n%-9s %-8s %-28s %10s %9s %9s %9s %8s %7s %5s%n", "size", "strategy", "score", "loss kg",
                "mu done", "mu risk", "km", "seconds", "peak MB", "viol.");
        for (ScenarioGenerator.Size size : sizes) {
            Duration limit = size == ScenarioGenerator.DISTRICT ? Duration.ofSeconds(30) : Duration.ofSeconds(60);
            SolverFactory<HarvestPlan> factory = SolverFactory.create(HarvestSolverConfig.create(limit));
            Result greedy = run("greedy", () -> {
                HarvestPlan plan = new GreedyDispatcher().dispatch(ScenarioGenerator.generate(size, SEED));
                SolutionManager.<HarvestPlan, HardMediumSoftScore>create(factory).update(plan);
                return plan;
            });
            HarvestPlan[] solved = new HarvestPlan[1];
            Result planner = run("planner", () -> solved[0] = factory.buildSolver().solve(new GreedyDispatcher().dispatch(ScenarioGenerator.generate(size, SEED))));
            double bound = upperBoundMu(ScenarioGenerator.generate(size, SEED));
            for (Result r : List.of(greedy, planner)) {
                System.out.printf("%-9s %-8s %-28s %10.0f %9.0f %9.0f %9.0f %8.1f %7d %5s%n", size.name(), r.strategy(), r.score(),
                        r.lossKg(), r.harvestedMu(), r.atRiskMu(), r.travelKm(), r.millis() / 1000.0, r.peakMb(), r.violations());
            }
            System.out.printf("%-9s planner/greedy loss %.2f; mu harvested / upper bound: greedy %.2f, planner %.2f (bound %.0f mu)%n",
                    size.name(), planner.lossKg() / greedy.lossKg(), greedy.harvestedMu() / bound, planner.harvestedMu() / bound, bound);
            if (size == ScenarioGenerator.DISTRICT) {
                replanAfterRain(solved[0], size);
            }
        }
        System.out.println();
    }

    private static Result run(String strategy, java.util.function.Supplier<HarvestPlan> solve) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        HarvestPlan plan = solve.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        PlanValidator.Report report = new PlanValidator().validate(plan);
        double totalMu = plan.getChunks().stream().mapToDouble(Chunk::getAreaMu).sum();
        double km = plan.getChunks().stream().filter(Chunk::isScheduled).mapToDouble(Chunk::getRoadKm).sum();
        return new Result(strategy, plan.getScore(), report.lossKg(), report.harvestedMu(), totalMu - report.harvestedMu(),
                km, millis, peak, report.violations().stream().collect(java.util.stream.Collectors.groupingBy(
                        PlanValidator.Violation::rule, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    }

    /**
     * The district's plan as published, then a forecast with 20 more hours of rain from day 4 over half the
     * communities: the revision's time (building on the published plan, greedy repair, 8 s of search) and how many
     * assignments the rain did not touch it still moves to another combine.
     */
    private static void replanAfterRain(HarvestPlan published, ScenarioGenerator.Size size) {
        LocalDate day = LocalDate.ofInstant(ScenarioGenerator.START, DistrictTime.ZONE);
        List<Assignment> before = OutcomeReport.of(published, day, Map.of(), Map.of(), null).assignments();
        long started = System.nanoTime();
        HarvestPlan wetter = ScenarioGenerator.generate(size, SEED, new ScenarioGenerator.ExtraRain(4 * 24 + 8, 20));
        new Revision(before, null).applyTo(wetter, Strategy.PLANNER);
        HarvestPlan revised = SolverFactory.<HarvestPlan>create(HarvestSolverConfig.create(Duration.ofSeconds(8))).buildSolver()
                .solve(new GreedyDispatcher().dispatch(wetter));
        double seconds = (System.nanoTime() - started) / 1e9;
        PlanDiff diff = PlanDiff.between(before, OutcomeReport.of(revised, day, Map.of(), Map.of(), null).assignments());
        Set<String> untouched = untouchedByTheRain(published, revised, before);
        long moved = diff.moved().stream().filter(change -> untouched.contains(change.chunkId())).count();
        System.out.printf("%-9s re-plan after rain: %.1f s, score %s, checker violations %d; %d moved, %d rescheduled, %d cancelled, %d added;"
                        + " of %d assignments the rain did not touch %d moved (%.1f %%)%n", size.name(), seconds, revised.getScore(),
                new PlanValidator().validate(revised).violations().size(), diff.moved().size(), diff.rescheduled().size(),
                diff.cancelled().size(), diff.added().size(), untouched.size(), moved, 100.0 * moved / untouched.size());
    }

    /** Published jobs that neither overlap, nor follow on their combine a job that overlaps, an hour whose workability changed. */
    private static Set<String> untouchedByTheRain(HarvestPlan published, HarvestPlan revised, List<Assignment> before) {
        Map<String, WorkCalendar> now = revised.getChunks().stream().collect(Collectors.toMap(Chunk::getId, Chunk::getCalendar));
        Set<String> untouched = new HashSet<>();
        for (Harvester harvester : published.getHarvesters()) {
            for (Chunk job : harvester.getChunks()) {
                boolean listed = before.stream().anyMatch(a -> a.chunkId().equals(job.getId()));
                if (!listed || changedBetween(job.getCalendar(), now.get(job.getId()), job.getStart(), job.getEnd())) {
                    break;
                }
                untouched.add(job.getId());
            }
        }
        return untouched;
    }

    private static boolean changedBetween(WorkCalendar before, WorkCalendar after, int from, int to) {
        for (int minute = from / 60 * 60; minute < to; minute += 60) {
            if ((before.firstWorkable(minute) == minute) != (after.firstWorkable(minute) == minute)) {
                return true;
            }
        }
        return false;
    }

    /** Machine-hours inside any community's windows times capacity, capped by the mu there is to harvest. */
    private static double upperBoundMu(HarvestPlan plan) {
        var calendars = plan.getChunks().stream().map(Chunk::getCalendar).distinct().toList();
        double capacity = 0;
        for (Harvester harvester : plan.getHarvesters()) {
            for (int hour = harvester.getAvailableFrom() / 60; hour < harvester.getAvailableUntil() / 60; hour++) {
                int minute = hour * 60;
                if (calendars.stream().anyMatch(c -> c.firstWorkable(minute) == minute)) {
                    capacity += harvester.getCapacityMuPerHour();
                }
            }
        }
        return Math.min(capacity, plan.getChunks().stream().mapToDouble(Chunk::getAreaMu).sum());
    }
}
