package harvest.planning;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.outcome.OutcomeReport;
import harvest.planning.check.PlanValidator;
import harvest.planning.solver.DryingAwareStart;
import harvest.planning.solver.RuleOfThumb;
import harvest.planning.solver.HarvestSolverConfig;
import harvest.planning.solver.ScoreExplainer;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Solves plans in the background: the request is checked and the problem built before anything is stored
 * (so bad input is a 4xx and nothing else), then a fixed number of solver threads work through a bounded
 * queue; beyond it a request is refused with 429. Every way a solve can end leaves the plan SOLVED or FAILED.
 */
@Singleton
public class PlanSolving {
    private static final Logger LOG = LoggerFactory.getLogger(PlanSolving.class);
    private static final long PROGRESS_EVERY_MILLIS = 1000;
    private static final String STOPPED_SERVICE = "the service stopped before this plan was solved";

    private final PlanStore store;
    private final AssignmentStore assignments;
    private final PlanProblemBuilder builder;
    private final PlanSettings settings;
    private final SolverFactory<HarvestPlan> solverFactory;
    private final SolutionManager<HarvestPlan, HardSoftScore> solutionManager;
    private final ScoreExplainer explainer;
    private final ExecutorService solvers;
    private final Semaphore places;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private volatile boolean closing;

    private final MeterRegistry meters;

    public PlanSolving(PlanStore store, AssignmentStore assignments, PlanProblemBuilder builder, PlanSettings settings, MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("harvest.plans.active", jobs, all -> all.values().stream().filter(job -> !job.solving).count())
                .description("plans waiting for a solver in this instance").tag("state", "queued").register(meters);
        Gauge.builder("harvest.plans.active", jobs, all -> all.values().stream().filter(job -> job.solving).count())
                .description("plans solving in this instance").tag("state", "solving").register(meters);
        this.store = store;
        this.assignments = assignments;
        this.builder = builder;
        this.settings = settings;
        this.solverFactory = SolverFactory.create(HarvestSolverConfig.create(settings.getDefaultTimeLimit()));
        this.solutionManager = SolutionManager.create(solverFactory);
        this.explainer = new ScoreExplainer(solutionManager);
        this.solvers = Executors.newFixedThreadPool(settings.getMaxSolving(), Thread.ofPlatform().name("planner-", 1).factory());
        this.places = new Semaphore(settings.getMaxSolving() + settings.getMaxQueued());
    }

    public Plan submit(PlanRequest request) {
        RuleOverrides rules = request.rules() == null ? RuleOverrides.NONE : request.rules();
        Strategy strategy = request.strategy() == null ? Strategy.PLANNER : request.strategy();
        return start(new PlanStore.NewPlan(request.scope(), strategy, timeLimit(request.timeLimitSeconds()), rules, null, null), null);
    }

    /** A revision of the published plan {@code publishedId}, over its horizon and scope, with today's data. */
    public Plan revise(long publishedId, ReplanRequest request) {
        Plan base = store.get(publishedId);
        if (base.publication() != Publication.PUBLISHED) {
            throw new ProblemException(ProblemType.PLAN_NOT_PUBLISHED, "plan " + publishedId + " is " + base.publication()
                    + "; only the published plan can be revised");
        }
        Strategy strategy = request.strategy() == null ? base.strategy() : request.strategy();
        int limit = request.timeLimitSeconds() == null ? base.timeLimitSeconds() : timeLimit(request.timeLimitSeconds());
        Revision revision = new Revision(assignments.list(publishedId, null, null), request.pinStartedBefore());
        return start(new PlanStore.NewPlan(base.scope(), strategy, limit, base.rules(), publishedId, request.pinStartedBefore()), revision);
    }

    /**
     * Stops a queued plan (FAILED) or ends a solving one early (SOLVED with the best plan so far). A plan solving on
     * another instance is stopped there, within a second, through the request this leaves in the database.
     */
    public Plan stop(long id) {
        Plan plan = store.get(id);
        switch (plan.state()) {
            case QUEUED -> store.fail(id, "stopped before solving started");
            case SOLVING -> {
                // Kept in the database even when the plan solves here: Timefold forgets an early end asked for
                // before its solve() has begun, so the once-a-second poll asks again until the solve ends.
                store.requestStop(id);
                Optional.ofNullable(jobs.get(id)).ifPresent(Job::stop);
            }
            default -> throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "plan " + id + " is already " + plan.state());
        }
        return store.get(id);
    }

    /** Ends early the plans solving here that a dispatcher asked any instance to stop. */
    public void applyStopRequests() {
        if (!jobs.isEmpty()) {
            store.stopsRequested(jobs.keySet()).forEach(id -> Optional.ofNullable(jobs.get(id)).ifPresent(Job::stop));
        }
    }

    /** Plans queued or solving in this process, for the heartbeat. */
    public Set<Long> active() {
        return Set.copyOf(jobs.keySet());
    }

    private int timeLimit(@Nullable Integer seconds) {
        int limit = seconds == null ? (int) settings.getDefaultTimeLimit().toSeconds() : seconds;
        if (limit > settings.getMaxTimeLimit().toSeconds()) {
            throw ProblemException.invalid("timeLimitSeconds", "at most " + settings.getMaxTimeLimit().toSeconds() + " on this service");
        }
        return limit;
    }

    private Plan start(PlanStore.NewPlan request, @Nullable Revision revision) {
        HarvestPlan problem = build(request);
        if (problem.getChunks().isEmpty()) {
            throw ProblemException.invalid("fields", "no field in the scope is waiting for a combine");
        }
        if (!places.tryAcquire()) {
            throw new ProblemException(ProblemType.PLANNER_BUSY, settings.getMaxSolving() + " plans are solving and "
                    + settings.getMaxQueued() + " waiting; try again when one has finished")
                    .retryAfter((int) settings.getDefaultTimeLimit().toSeconds());
        }
        try {
            Plan plan = store.insert(request);
            // the rule of thumb is dispatched on a problem of its own, so the plan can be compared with it
            Job job = new Job(plan, problem, request.strategy() == Strategy.PLANNER ? build(request) : null, revision);
            jobs.put(plan.id(), job);
            solvers.execute(job);
            return plan;
        } catch (RuntimeException e) {
            places.release();
            throw e;
        }
    }

    private HarvestPlan build(PlanStore.NewPlan request) {
        return builder.build(request.scope(), request.rules().workRules(), request.rules().lossModel(), request.rules().prices(),
                request.pinnedBefore());
    }

    private final class Job implements Runnable {
        private final Plan plan;
        private final HarvestPlan problem;
        /** The same problem for the rule of thumb, when the plan is the planner's. */
        private final @Nullable HarvestPlan ruleOfThumbProblem;
        private final @Nullable Revision revision;
        private volatile Solver<HarvestPlan> solver;
        private volatile boolean stopRequested;
        private volatile boolean solving;
        private long lastProgress;

        Job(Plan plan, HarvestPlan problem, @Nullable HarvestPlan ruleOfThumbProblem, @Nullable Revision revision) {
            this.plan = plan;
            this.problem = problem;
            this.ruleOfThumbProblem = ruleOfThumbProblem;
            this.revision = revision;
        }

        void stop() {
            stopRequested = true;
            Solver<HarvestPlan> running = solver;
            if (running != null) {
                running.terminateEarly();
            }
        }

        @Override
        public void run() {
            try {
                if (closing) {
                    store.fail(plan.id(), STOPPED_SERVICE);
                } else if (store.markSolving(plan.id())) {
                    solving = true;
                    long started = System.nanoTime();
                    solve();
                    solved(started, stopRequested ? "stopped" : "solved");
                }
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                LOG.error("plan {} failed", plan.id(), e);
                store.fail(plan.id(), "planning failed: " + e);
                meters.counter("harvest.plans.failed", "strategy", plan.strategy().name()).increment();
            } finally {
                jobs.remove(plan.id());
                places.release();
            }
        }

        /**
         * The rule of thumb's plan; for the planner, its own start is the better of that and the drying-aware
         * dispatch, so that the search never ends worse than the rule it is compared with.
         */
        private void solve() {
            HarvestPlan ruleOfThumb = new RuleOfThumb().dispatch(revised(ruleOfThumbProblem == null ? problem : ruleOfThumbProblem, Strategy.GREEDY));
            solutionManager.update(ruleOfThumb);
            PlanValidator.Report baseline = new PlanValidator().validate(ruleOfThumb);
            HarvestPlan solved = ruleOfThumb;
            if (plan.strategy() == Strategy.PLANNER) {
                HarvestPlan start = DryingAwareStart.dispatch(revised(problem, Strategy.PLANNER));
                solutionManager.update(start);
                solved = search(start.getScore().compareTo(ruleOfThumb.getScore()) >= 0 ? start : ruleOfThumb);
            }
            var explanation = explainer.explain(solved);
            OutcomeReport.Result result = OutcomeReport.of(solved, plan.firstDay(), explanation,
                    revision == null ? Map.of() : revision.statuses(), revision == null ? null : revision.published(), baseline);
            store.finish(plan.id(), solved.getScore().toString(), stopRequested, result.outcome(), result.assignments());
        }

        private void solved(long startedNanos, String outcome) {
            Timer.builder("harvest.plans.solve").description("time from the solver's start to the stored plan")
                    .tag("strategy", plan.strategy().name()).tag("outcome", outcome).register(meters)
                    .record(Duration.ofNanos(System.nanoTime() - startedNanos));
        }

        private HarvestPlan revised(HarvestPlan fresh, Strategy strategy) {
            if (revision != null) {
                revision.applyTo(fresh, strategy);
            }
            return fresh;
        }

        private HarvestPlan search(HarvestPlan start) {
            TerminationConfig termination = new TerminationConfig().withSpentLimit(Duration.ofSeconds(plan.timeLimitSeconds()));
            if (settings.getStepLimit() != null) {
                termination.setStepCountLimit(settings.getStepLimit());
            }
            Solver<HarvestPlan> built = solverFactory.buildSolver(new SolverConfigOverride().withTerminationConfig(termination));
            built.addEventListener(event -> {
                long now = System.currentTimeMillis();
                if (now - lastProgress >= PROGRESS_EVERY_MILLIS) {
                    lastProgress = now;
                    store.progress(plan.id(), event.getNewBestScore().toString());
                }
            });
            solver = built;
            return stopRequested ? start : built.solve(start);
        }
    }

    /** A graceful shutdown ends every solve early and fails what is still queued, so no plan is left behind. */
    @PreDestroy
    void close() throws InterruptedException {
        closing = true;
        jobs.values().forEach(Job::stop);
        solvers.shutdown();
        if (!solvers.awaitTermination(20, TimeUnit.SECONDS)) {
            solvers.shutdownNow();
        }
    }
}
