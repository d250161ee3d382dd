package harvest.planning;

import java.util.Map;
import java.util.Set;

/**
 * An assignment of the published plan as the field reports it. The operator is told (NOTIFIED), agrees
 * (CONFIRMED), works (IN_PROGRESS) and finishes (DONE); the dispatcher may call off work not yet started
 * (CANCELLED), and work a breakdown interrupts ends FAILED, its rest to be planned again.
 */
public enum AssignmentStatus {
    PLANNED, NOTIFIED, CONFIRMED, IN_PROGRESS, DONE, CANCELLED, FAILED;

    private static final Map<AssignmentStatus, Set<AssignmentStatus>> NEXT = Map.of(
            PLANNED, Set.of(NOTIFIED, CONFIRMED, IN_PROGRESS, CANCELLED),
            NOTIFIED, Set.of(CONFIRMED, IN_PROGRESS, CANCELLED),
            CONFIRMED, Set.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, Set.of(DONE, FAILED),
            DONE, Set.of(),
            CANCELLED, Set.of(),
            FAILED, Set.of());

    public boolean canBecome(AssignmentStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<AssignmentStatus> next() {
        return NEXT.get(this);
    }

    /** Work someone has committed to (or done) stays where it is when the plan is revised. */
    public boolean pinsOnRevision() {
        return this == CONFIRMED || this == IN_PROGRESS || this == DONE;
    }

    /** Cancelled or failed: the chunk is planned afresh, not kept where it was. */
    public boolean calledOff() {
        return this == CANCELLED || this == FAILED;
    }

    /** Not yet started, so a disruption can still move it. */
    public boolean pending() {
        return this == PLANNED || this == NOTIFIED || this == CONFIRMED;
    }
}
