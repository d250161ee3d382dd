package harvest.weather;

import harvest.system.DistrictTime;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Arrays;

/** The district summary for the dispatch meeting: workable hours per community per local day. */
@Serdeable
public record WorkableHours(List<LocalDate> days, List<CommunityDays> communities) {

    @Serdeable
    public record CommunityDays(String communityCode, List<Integer> hoursPerDay, int totalHours) {
    }

    static WorkableHours of(HourRange range, Map<String, List<Segment>> timelines) {
        LocalDate first = range.from().atZone(DistrictTime.ZONE).toLocalDate();
        LocalDate last = range.to().minusNanos(1).atZone(DistrictTime.ZONE).toLocalDate();
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        List<CommunityDays> communities = new ArrayList<>();
        timelines.forEach((community, timeline) -> {
            int[] perDay = new int[days.size()];
            for (Segment window : timeline) {
                if (!window.workable()) {
                    continue;
                }
                for (Instant hour = window.start(); hour.isBefore(window.end()); hour = hour.plus(1, ChronoUnit.HOURS)) {
                    perDay[(int) ChronoUnit.DAYS.between(first, ZonedDateTime.ofInstant(hour, DistrictTime.ZONE).toLocalDate())]++;
                }
            }
            communities.add(new CommunityDays(community, Arrays.stream(perDay).boxed().toList(),
                    Arrays.stream(perDay).sum()));
        });
        return new WorkableHours(days, communities);
    }
}
