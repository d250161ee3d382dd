package harvest.weather;

import harvest.system.DistrictTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a new forecast did to each community's windows: which shrank, vanished, grew or appeared. */
public final class WindowChanges {
    private WindowChanges() {
    }

    public enum Kind {
        SHRANK, VANISHED, GREW, APPEARED, SHIFTED
    }

    @Serdeable
    public record Window(OffsetDateTime start, OffsetDateTime end, int hours) {
        static Window of(Segment segment) {
            return new Window(DistrictTime.local(segment.start()), DistrictTime.local(segment.end()), segment.hours());
        }
    }

    @Serdeable
    public record Change(Kind kind, @Nullable Window before, @Nullable Window after) {
    }

    @Serdeable
    public record CommunityChange(String communityCode, int workableHoursBefore, int workableHoursAfter, List<Change> changes) {
    }

    /** The communities whose windows differ, each with its changes; unchanged communities are left out. */
    public static List<CommunityChange> between(Map<String, List<Segment>> before, Map<String, List<Segment>> after) {
        List<CommunityChange> changed = new ArrayList<>();
        after.forEach((community, timeline) -> {
            List<Segment> old = windows(before.getOrDefault(community, List.of()));
            List<Segment> now = windows(timeline);
            List<Change> changes = compare(old, now);
            if (!changes.isEmpty()) {
                changed.add(new CommunityChange(community, hours(old), hours(now), changes));
            }
        });
        return changed;
    }

    private static List<Change> compare(List<Segment> old, List<Segment> now) {
        List<Change> changes = new ArrayList<>();
        for (Segment was : old) {
            List<Segment> overlapping = now.stream().filter(was::overlaps).toList();
            if (overlapping.isEmpty()) {
                changes.add(new Change(Kind.VANISHED, Window.of(was), null));
            }
            for (Segment is : overlapping) {
                kindOf(was, is).ifPresent(kind -> changes.add(new Change(kind, Window.of(was), Window.of(is))));
            }
        }
        for (Segment is : now) {
            if (old.stream().noneMatch(is::overlaps)) {
                changes.add(new Change(Kind.APPEARED, null, Window.of(is)));
            }
        }
        return changes;
    }

    private static Optional<Kind> kindOf(Segment was, Segment is) {
        boolean startsLater = is.start().isAfter(was.start());
        boolean endsEarlier = is.end().isBefore(was.end());
        boolean startsEarlier = is.start().isBefore(was.start());
        boolean endsLater = is.end().isAfter(was.end());
        if ((startsLater || endsEarlier) && (startsEarlier || endsLater)) {
            return Optional.of(Kind.SHIFTED);
        }
        if (startsLater || endsEarlier) {
            return Optional.of(Kind.SHRANK);
        }
        if (startsEarlier || endsLater) {
            return Optional.of(Kind.GREW);
        }
        return Optional.empty();
    }

    private static List<Segment> windows(List<Segment> timeline) {
        return timeline.stream().filter(Segment::workable).toList();
    }

    private static int hours(List<Segment> windows) {
        return windows.stream().mapToInt(Segment::hours).sum();
    }
}
