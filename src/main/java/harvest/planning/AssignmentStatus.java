package harvest.planning;

import java.util.Map;
import java.util.Set;

/**
 * An assignment of the published plan as the field reports it. Confirmed and started work is pinned when the
 * plan is revised.
 */
public enum AssignmentStatus {
    PLANNED, CONFIRMED, STARTED, DONE;

    private static final Map<AssignmentStatus, Set<AssignmentStatus>> NEXT = Map.of(
            PLANNED, Set.of(CONFIRMED, STARTED),
            CONFIRMED, Set.of(STARTED),
            STARTED, Set.of(DONE),
            DONE, Set.of());

    public boolean canBecome(AssignmentStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean pinsOnRevision() {
        return this != PLANNED;
    }
}
