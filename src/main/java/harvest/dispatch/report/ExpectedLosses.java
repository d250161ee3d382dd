package harvest.dispatch.report;

import harvest.field.Field;
import harvest.planning.domain.LossModel;
import harvest.weather.Segment;
import harvest.weather.WorkCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Planning rule 7 over what really happened, with the forecast's wet hours since the season began. */
final class ExpectedLosses {
    private final Instant start;
    private final Instant asOf;
    private final Map<String, WorkCalendar> calendars = new HashMap<>();

    ExpectedLosses(Instant start, Instant asOf, Map<String, List<Segment>> timelines) {
        this.start = start;
        this.asOf = asOf;
        int horizon = (int) Math.ceil(Duration.between(start, asOf).toMinutes() / 60.0) * 60 + 60;
        timelines.forEach((community, timeline) -> calendars.put(community, WorkCalendar.of(community, timeline, start, horizon)));
    }

    /**
     * Each share of the field loses what standing grain loses from ripeness until it was reported harvested
     * (or until now, for what still stands); the share that stands longer goes on losing, up to the cap.
     */
    double standingKg(Field field, List<ReportQueries.Report> reports) {
        double area = field.areaMu().doubleValue();
        double yieldKg = area * field.expectedYieldKgPerMu().doubleValue();
        WorkCalendar calendar = calendars.get(field.communityCode());
        int ripe = minutes(field.ripeFrom());
        double standing = 1;
        double lostShareBefore = 0;
        double loss = 0;
        for (ReportQueries.Report report : reports) {
            double lostShare = LossModel.DEFAULT.standingKg(1, calendar, ripe, minutes(min(report.at(), asOf)));
            loss += yieldKg * standing * (lostShare - lostShareBefore);
            lostShareBefore = lostShare;
            standing = Math.max(0, standing - report.mu() / area);
        }
        return loss + yieldKg * standing * (LossModel.DEFAULT.standingKg(1, calendar, ripe, minutes(asOf)) - lostShareBefore);
    }

    /** Grain no site has taken yet is the latest harvested (sites take it in in order); each load waits since it came off. */
    double waitingKg(double waitingTonnes, List<ReportQueries.Report> reports) {
        double left = waitingTonnes;
        double loss = 0;
        for (int i = reports.size() - 1; i >= 0 && left > 0; i--) {
            double tonnes = Math.min(left, reports.get(i).tonnes());
            loss += LossModel.DEFAULT.waitingKg(tonnes * 1000, minutes(reports.get(i).at()), minutes(asOf));
            left -= tonnes;
        }
        return loss;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private int minutes(Instant instant) {
        return (int) Math.max(0, Duration.between(start, instant).toMinutes());
    }
}
