package harvest.weather;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;

/**
 * A run of hours that are all workable (a window) or all unworkable for the same reason (a gap).
 * {@code rainMm} is the rain in a WET gap, and the spell's rain that a DRY_OUT gap follows.
 */
public record Segment(Instant start, Instant end, @Nullable GapReason reason, @Nullable Double rainMm) {

    public boolean workable() {
        return reason == null;
    }

    /** Raining, or the ground and crop still drying after rain: the gaps a forecast change can put over work. */
    public boolean rainy() {
        return reason == GapReason.WET || reason == GapReason.DRY_OUT;
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }

    public int hours() {
        return (int) Duration.between(start, end).toHours();
    }

    Segment withEnd(Instant newEnd) {
        return new Segment(start, newEnd, reason, rainMm);
    }

    boolean overlaps(Segment other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
