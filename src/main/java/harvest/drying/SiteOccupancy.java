package harvest.drying;

import harvest.weather.WorkCalendar;
import harvest.system.DistrictTime;
import harvest.weather.Segment;
import harvest.weather.Windows;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drying sites' live state, computed from the movements and the stored forecast at the clock's now. An open
 * yard's capacity today follows planning rule 6 exactly as the planner computes it; it is closed while its
 * community's current hour is wet or drying out.
 */
@Singleton
public class SiteOccupancy {
    private final DryingSiteLedger sites;
    private final MovementStore movements;
    private final Windows windows;
    private final Clock clock;

    public SiteOccupancy(DryingSiteLedger sites, MovementStore movements, Windows windows, Clock clock) {
        this.sites = sites;
        this.movements = movements;
        this.windows = windows;
        this.clock = clock;
    }

    public LocalDate today() {
        return clock.instant().atZone(DistrictTime.ZONE).toLocalDate();
    }

    /** Every active site, in code order. */
    public List<DryingSiteStatus> active() {
        return of(sites.all(false));
    }

    public DryingSiteStatus of(DryingSite site) {
        return of(List.of(site)).getFirst();
    }

    /**
     * A site's capacity in tonnes on the day from {@code start} to {@code end}, as the planner computes it;
     * rounded down, so that the room left never promises grain a place it does not have.
     */
    public static BigDecimal capacity(DryingSite site, List<Segment> timeline, Instant start, Instant end) {
        WorkCalendar calendar = WorkCalendar.of(site.communityCode(), timeline, start, (int) Duration.between(start, end).toMinutes());
        long capacityKg = DailyCapacity.kgPerDay(Math.round(site.capacityTonnesPerDay().doubleValue() * 1000),
                site.kind() == DryingKind.YARD, calendar, 1)[0];
        return BigDecimal.valueOf(capacityKg, 3).setScale(2, RoundingMode.DOWN);
    }

    private List<DryingSiteStatus> of(List<DryingSite> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        LocalDate day = now.atZone(DistrictTime.ZONE).toLocalDate();
        Instant start = day.atStartOfDay(DistrictTime.ZONE).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(DistrictTime.ZONE).toInstant();
        Set<String> communities = list.stream().map(DryingSite::communityCode).collect(Collectors.toSet());
        Map<String, List<Segment>> timelines = windows.timelines(communities, start, end);
        Map<String, MovementStore.Totals> totals = movements.totals(list.stream().map(DryingSite::code).toList(), day);
        return list.stream().map(site -> {
            List<Segment> timeline = timelines.get(site.communityCode());
            BigDecimal capacity = capacity(site, timeline, start, end);
            MovementStore.Totals siteTotals = totals.getOrDefault(site.code(), MovementStore.Totals.NONE);
            BigDecimal intake = siteTotals.intakeOnDay().setScale(2);
            BigDecimal room = capacity.subtract(intake).max(BigDecimal.ZERO.setScale(2));
            boolean rainingNow = timeline.stream().anyMatch(s -> !s.start().isAfter(now) && s.end().isAfter(now) && s.rainy());
            SiteState state = !site.rainUsable() && rainingNow ? SiteState.CLOSED_BY_RAIN
                    : room.signum() == 0 ? SiteState.FULL
                    : SiteState.OPEN;
            return new DryingSiteStatus(site.code(), site.name(), site.kind(), site.communityCode(), site.lat(), site.lon(),
                    site.rainUsable(), site.contactName(), site.contactPhone(), day, capacity, intake, room,
                    siteTotals.held().setScale(2), state);
        }).toList();
    }
}
