package harvest.dispatch;

import harvest.planning.Plan;
import harvest.planning.PlanSolving;
import harvest.planning.PlanStore;
import harvest.planning.ReplanRequest;
import harvest.system.Actor;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import harvest.system.cluster.ClusterJob;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Answers disruptions with one draft revision of the published plan, pinned at the moment it is made. It runs
 * after the disruption has committed (so the revision sees the broken combine or the moved ripeness), and it never
 * publishes: the dispatcher checks the draft and publishes it. While the planner is busy the disruptions wait for
 * the next round, and every disruption that came meanwhile is answered by the same draft.
 */
@Singleton
public class DraftReplans implements ClusterJob {
    private final Disruptions disruptions;
    private final PlanStore plans;
    private final PlanSolving solving;
    private final Clock clock;
    private final Duration interval;

    public DraftReplans(Disruptions disruptions, PlanStore plans, PlanSolving solving, Clock clock,
                        @Value("${harvest.dispatch.draft-interval:10s}") Duration interval) {
        this.interval = interval;
        this.disruptions = disruptions;
        this.plans = plans;
        this.solving = solving;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "draft-replans";
    }

    /** One instance at a time, so that one set of disruptions gets one draft however many instances run. */
    @Override
    public Schedule schedule() {
        return Schedules.fixedDelay(interval);
    }

    @Override
    public void run() {
        draft();
    }

    /** The draft made for the waiting disruptions, if any were waiting and the planner took it. */
    public Optional<Plan> draft() {
        List<Long> waiting = disruptions.unanswered().stream().map(Disruption::id).toList();
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        Optional<Plan> published = plans.published();
        if (published.isEmpty()) {
            disruptions.unanswerable(waiting, "no plan is published any more");
            return Optional.empty();
        }
        LocalDate lastDay = published.get().firstDay().plusDays(published.get().days() - 1L);
        if (LocalDate.now(clock).isAfter(lastDay)) {
            disruptions.unanswerable(waiting, "the published plan's horizon ended on " + lastDay + "; ask for a new plan");
            return Optional.empty();
        }
        try {
            Plan draft = Actor.as("system: draft re-plan", () -> solving.revise(published.get().id(),
                    new ReplanRequest(null, null, clock.instant())));
            disruptions.answered(waiting, draft.id());
            return Optional.of(draft);
        } catch (ProblemException e) {
            if (e.type() != ProblemType.PLANNER_BUSY) {
                disruptions.unanswerable(waiting, e.getMessage());
            }
            return Optional.empty();
        }
    }
}
