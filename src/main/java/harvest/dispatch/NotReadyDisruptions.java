package harvest.dispatch;

import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.planning.Assignment;
import harvest.planning.Plan;
import harvest.planning.AssignmentStore;
import harvest.planning.PlanStore;
import harvest.system.DistrictTime;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * A household says its field is not ready: its ripeness moves on by the configured delay and the published work
 * on it that has not started is flagged for the draft re-plan.
 */
@Singleton
public class NotReadyDisruptions {
    private final FieldLedger fields;
    private final PlanStore plans;
    private final AssignmentStore assignments;
    private final Disruptions disruptions;
    private final DispatchSettings settings;
    private final Clock clock;
    private final AssignmentWork work;

    NotReadyDisruptions(FieldLedger fields, PlanStore plans, AssignmentStore assignments, Disruptions disruptions, DispatchSettings settings, Clock clock,
                            AssignmentWork work) {
        this.work = work;
        this.fields = fields;
        this.plans = plans;
        this.assignments = assignments;
        this.disruptions = disruptions;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public NotReady notReady(String fieldCode) {
        Field field = fields.getByCode(fieldCode);
        if (!field.status().waitingForCombine()) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "field '" + fieldCode + "' is " + field.status()
                    + "; only a field whose harvest has not started can be put off");
        }
        Field moved = fields.postponeRipeness(fieldCode, clock.instant().plus(settings.getNotReadyDelay()));
        Plan published = plans.published().orElse(null);
        List<String> flagged = published == null ? List.of() : assignments.list(published.id(), null, fieldCode).stream()
                .filter(a -> a.status().pending()).map(Assignment::chunkId).toList();
        if (!flagged.isEmpty()) {
            work.flag(published.id(), flagged, "the household says the field is not ready");
            disruptions.record(DisruptionKind.NOT_READY, fieldCode, "the household says " + fieldCode + " is not ready before "
                    + DistrictTime.local(moved.ripeFrom()), published.id(), flagged.size());
        }
        return new NotReady(fieldCode, DistrictTime.local(moved.ripeFrom()), flagged.size());
    }
}
