package harvest.dispatch;

import harvest.machine.MachineBrokeDown;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStatus;
import harvest.planning.Plan;
import harvest.planning.AssignmentStore;
import harvest.planning.PlanStore;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A breakdown, in the transaction that records it: the combine's work in progress FAILS (what it harvested so far
 * stays counted), its work not yet started is flagged, and a disruption waits for the draft re-plan.
 */
@Singleton
public class BreakdownDisruptions implements ApplicationEventListener<MachineBrokeDown> {
    private final PlanStore plans;
    private final AssignmentStore assignments;
    private final AssignmentWork work;
    private final Disruptions disruptions;

    public BreakdownDisruptions(PlanStore plans, AssignmentStore assignments, AssignmentWork work, Disruptions disruptions) {
        this.plans = plans;
        this.assignments = assignments;
        this.work = work;
        this.disruptions = disruptions;
    }

    @Override
    public void onApplicationEvent(MachineBrokeDown event) {
        Plan published = plans.published().orElse(null);
        if (published == null) {
            return;
        }
        // locked and read again: the operator may have reported the job done a moment ago
        List<Assignment> interrupted = assignments.list(published.id(), event.machineCode(), null).stream()
                .filter(a -> a.status() == AssignmentStatus.IN_PROGRESS)
                .map(a -> assignments.lockPublished(published.id(), a.chunkId()))
                .filter(a -> a.status() == AssignmentStatus.IN_PROGRESS).toList();
        interrupted.forEach(a -> work.transition(published.id(), a, AssignmentStatus.FAILED));
        List<String> flagged = assignments.list(published.id(), event.machineCode(), null).stream()
                .filter(a -> a.status().pending()).map(Assignment::chunkId).toList();
        work.flag(published.id(), flagged, event.machineCode() + " broke down");
        disruptions.record(DisruptionKind.BREAKDOWN, event.machineCode(), event.machineCode() + " broke down: "
                + interrupted.size() + " job(s) in progress failed, " + flagged.size() + " not yet started to move",
                published.id(), interrupted.size() + flagged.size());
    }
}
