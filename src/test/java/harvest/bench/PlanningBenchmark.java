package harvest.bench;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import harvest.planning.Assignment;
import harvest.planning.Revision;
import harvest.planning.Strategy;
import harvest.planning.check.PlanValidator;
import harvest.weather.WorkCalendar;
import harvest.planning.outcome.OutcomeReport;
import harvest.planning.outcome.PlanDiff;
import harvest.system.DistrictTime;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.solver.DryingAwareStart;
import harvest.planning.solver.RuleOfThumb;
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
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;

/**
 * The planner against the dispatcher's rule of thumb (planning rule 9) on seeded storm seasons in which drying
 * binds (district 30 s, county 60 s; the region, 5 min, with {@code -Dharvest.bench.region=true}; the district
 * alone with {@code -Dharvest.bench.districtOnly=true}), every plan judged by the independent checker, and the
 * grain lost against the drying-aware lower bound. Run with {@code ./mvnw test -Pbenchmark}.
 */
@Tag("benchmark")
class PlanningBenchmark {
    private static final long SEED = 7;

    record Result(String strategy, HardSoftScore score, PlanValidator.Report check, double atRiskMu, long millis, long peakMb) {
        Map<String, Long> violations() {
            return check.violations().stream().collect(Collectors.groupingBy(PlanValidator.Violation::rule, TreeMap::new, Collectors.counting()));
        }
    }

    @Test
    void planner_against_the_rule_of_thumb() {
        List<ScenarioGenerator.Size> sizes = new ArrayList<>(List.of(ScenarioGenerator.DISTRICT, ScenarioGenerator.COUNTY));
        if (Boolean.getBoolean("harvest.bench.districtOnly")) {
            sizes.remove(ScenarioGenerator.COUNTY);
        }
        if (Boolean.getBoolean("harvest.bench.region")) {
            sizes.add(ScenarioGenerator.REGION);
        }
        System.out.printf("%n%-9s %-13s %12s %10s %10s %10s %9s %9s %9s %8s %7s %-26s %s%n", "size", "plan", "cost yuan", "loss kg",
                "standing", "waiting", "km", "mu done", "mu risk", "seconds", "peak MB", "score (fen)", "checker violations");
        for (ScenarioGenerator.Size size : sizes) {
            Duration limit = switch (size.name()) {
                case "district" -> Duration.ofSeconds(30);
                case "county" -> Duration.ofSeconds(60);
                default -> Duration.ofMinutes(5);
            };
            SolverFactory<HarvestPlan> factory = SolverFactory.create(HarvestSolverConfig.create(limit));
            SolutionManager<HarvestPlan, HardSoftScore> scores = SolutionManager.create(factory);
            Result rule = run("rule of thumb", () -> scored(scores, new RuleOfThumb().dispatch(ScenarioGenerator.generate(size, SEED))));
            Result start = run("planner start", () -> scored(scores, DryingAwareStart.dispatch(ScenarioGenerator.generate(size, SEED))));
            HarvestPlan[] solved = new HarvestPlan[1];
            Result planner = run("planner", () -> solved[0] = factory.buildSolver().solve(
                    DryingAwareStart.dispatch(ScenarioGenerator.generate(size, SEED))));
            for (Result r : List.of(rule, start, planner)) {
                PlanValidator.Report c = r.check();
                System.out.printf("%-9s %-13s %,12.0f %,10.0f %,10.0f %,10.0f %,9.0f %,9.0f %,9.0f %8.1f %7d %-26s %s%n", size.name(), r.strategy(),
                        c.costYuan(), c.lossKg(), c.standingKg(), c.waitingKg(), c.roadKm(), c.harvestedMu(), r.atRiskMu(),
                        r.millis() / 1000.0, r.peakMb(), r.score(), r.violations());
            }
            LowerBound.Result bound = LowerBound.solve(ScenarioGenerator.generate(size, SEED));
            System.out.printf("%-9s planner / rule of thumb: cost %.2f (target <= 0.70), loss %.2f, km %.2f (target <= 1.20);"
                            + " loss / lower bound: planner %.2f, rule of thumb %.2f (bound %,.0f kg in %.1f s)%n", size.name(),
                    planner.check().costYuan() / rule.check().costYuan(), planner.check().lossKg() / rule.check().lossKg(),
                    planner.check().roadKm() / rule.check().roadKm(), planner.check().lossKg() / bound.lossKg(),
                    rule.check().lossKg() / bound.lossKg(), bound.lossKg(), bound.millis() / 1000.0);
            if (size == ScenarioGenerator.DISTRICT) {
                replanAfterRain(solved[0], size);
            }
        }
        System.out.println();
    }

    private static HarvestPlan scored(SolutionManager<HarvestPlan, HardSoftScore> scores, HarvestPlan plan) {
        scores.update(plan);
        return plan;
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
        return new Result(strategy, plan.getScore(), report, totalMu - report.harvestedMu(), millis, peak);
    }

    /**
     * The district's plan as published, then a forecast with 20 more hours of rain from day 4 over half the
     * communities: the revision's time (building on the published plan, greedy repair, 8 s of search) and how many
     * assignments the rain did not touch it still moves to another combine.
     */
    private static void replanAfterRain(HarvestPlan published, ScenarioGenerator.Size size) {
        LocalDate day = LocalDate.ofInstant(ScenarioGenerator.START, DistrictTime.ZONE);
        List<Assignment> before = OutcomeReport.of(published, day, Map.of(), Map.of(), null, new PlanValidator().validate(published)).assignments();
        long started = System.nanoTime();
        HarvestPlan wetter = ScenarioGenerator.generate(size, SEED, new ScenarioGenerator.ExtraRain(4 * 24 + 8, 20));
        new Revision(before, null).applyTo(wetter, Strategy.PLANNER);
        HarvestPlan revised = SolverFactory.<HarvestPlan>create(HarvestSolverConfig.create(Duration.ofSeconds(8))).buildSolver()
                .solve(DryingAwareStart.dispatch(wetter));
        double seconds = (System.nanoTime() - started) / 1e9;
        PlanDiff diff = PlanDiff.between(before, OutcomeReport.of(revised, day, Map.of(), Map.of(), null, new PlanValidator().validate(revised)).assignments());
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
}
