package harvest.field;

import java.util.Map;
import java.util.Set;

/**
 * A field's season, from registration to sowing the next crop. Only SCHEDULED may go back (to REGISTERED)
 * when its plan is withdrawn before work starts; everything else moves one step forward.
 */
public enum FieldStatus {
    REGISTERED, SCHEDULED, HARVESTING, HARVESTED, DRYING, STORED, SOWN;

    private static final Map<FieldStatus, Set<FieldStatus>> NEXT = Map.of(
            REGISTERED, Set.of(SCHEDULED),
            SCHEDULED, Set.of(HARVESTING, REGISTERED),
            HARVESTING, Set.of(HARVESTED),
            HARVESTED, Set.of(DRYING),
            DRYING, Set.of(STORED),
            STORED, Set.of(SOWN),
            SOWN, Set.of());

    public boolean canBecome(FieldStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Registered or scheduled: no combine has started on it. */
    public boolean waitingForCombine() {
        return this == REGISTERED || this == SCHEDULED;
    }

    public Set<FieldStatus> next() {
        return NEXT.get(this);
    }

    /** DRYING and STORED are what the drying sites' intake and outflow say of the grain, never set by hand. */
    public boolean followsDrying() {
        return this == DRYING || this == STORED;
    }
}
