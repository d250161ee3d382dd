package harvest.planning;

import harvest.security.AssignmentOwners;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Answers the security module's questions about plans from the plan store. */
@Singleton
class PlanAssignmentOwners implements AssignmentOwners {
    private final PlanStore plans;
    private final AssignmentStore assignments;

    PlanAssignmentOwners(PlanStore plans, AssignmentStore assignments) {
        this.plans = plans;
        this.assignments = assignments;
    }

    @Override
    public Optional<String> combineOf(long planId, String chunkId) {
        return assignments.list(planId, List.of(chunkId)).stream().map(Assignment::machineCode).findFirst();
    }

    @Override
    public Optional<Long> publishedPlanId() {
        return plans.published().map(Plan::id);
    }
}
