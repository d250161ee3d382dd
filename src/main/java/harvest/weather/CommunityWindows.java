package harvest.weather;

import harvest.system.DistrictTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;

/** One community's rain-free windows over a range, and why the rest of the hours are not workable. */
@Serdeable
public record CommunityWindows(String communityCode, int workableHours, List<Window> windows, List<Gap> gaps) {

    @Serdeable
    public record Window(OffsetDateTime start, OffsetDateTime end, int hours) {
    }

    @Serdeable
    public record Gap(OffsetDateTime start, OffsetDateTime end, int hours, GapReason reason,
                      @Nullable Double rainMm) {
    }

    static CommunityWindows of(String communityCode, List<Segment> timeline) {
        List<Window> windows = timeline.stream().filter(Segment::workable)
                .map(s -> new Window(DistrictTime.local(s.start()), DistrictTime.local(s.end()), s.hours())).toList();
        List<Gap> gaps = timeline.stream().filter(s -> !s.workable())
                .map(s -> new Gap(DistrictTime.local(s.start()), DistrictTime.local(s.end()), s.hours(), s.reason(), s.rainMm()))
                .toList();
        return new CommunityWindows(communityCode, windows.stream().mapToInt(Window::hours).sum(), windows, gaps);
    }
}
