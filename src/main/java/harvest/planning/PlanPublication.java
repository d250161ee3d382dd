package harvest.planning;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.field.FieldScheduling;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Publishing a solved plan: it supersedes the previous one, its fields become SCHEDULED, and fields the previous
 * plan scheduled but this one leaves out go back to REGISTERED (through the field module). A revision is published
 * only over the plan it revises, taking over the work started or finished on it meanwhile. {@link PlanPublished}
 * is raised in the same transaction (the SMS outbox queues the plan's texts with it).
 */
@Singleton
public class PlanPublication {
    private final PlanStore plans;
    private final AssignmentStore assignments;
    private final FieldScheduling fields;
    private final AuditLog audit;
    private final ApplicationEventPublisher<PlanPublished> events;
    private final Clock clock;

    public PlanPublication(PlanStore plans, AssignmentStore assignments, FieldScheduling fields, AuditLog audit,
                           ApplicationEventPublisher<PlanPublished> events, Clock clock) {
        this.plans = plans;
        this.assignments = assignments;
        this.fields = fields;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Plan publish(long id) {
        Plan plan = plans.lockForUpdate(id).orElseThrow(() -> ProblemException.notFound("plan " + id));
        if (plan.state() != PlanState.SOLVED) {
            throw new ProblemException(ProblemType.PLAN_NOT_SOLVED, "plan " + id + " is " + plan.state() + "; only a SOLVED plan can be published");
        }
        if (plan.publication() != Publication.DRAFT) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "plan " + id + " is " + plan.publication() + "; only a draft can be published");
        }
        Optional<Plan> previous = plans.lockPublishedPlan();
        if (plan.revises() != null && !previous.map(Plan::id).equals(Optional.of(plan.revises()))) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "plan " + id + " revises plan " + plan.revises()
                    + ", which is no longer the published plan; ask for a new revision");
        }
        List<String> planned = assignments.fieldCodes(id);
        List<String> leftOut = assignments.fieldsLeftOutBy(id);
        previous.ifPresent(old -> {
            plans.supersede(old.id());
            audit.record(AuditedEntity.PLAN, String.valueOf(old.id()), "superseded", old.summary(), plans.get(old.id()).summary());
            assignments.carryOverWork(old.id(), id);
        });
        plans.markPublished(id, clock.instant());
        audit.record(AuditedEntity.PLAN, String.valueOf(id), "published", plan.summary(), plans.get(id).summary());
        fields.planPublished(id, planned, leftOut);
        events.publishEvent(new PlanPublished(id));
        return plans.get(id);
    }
}
