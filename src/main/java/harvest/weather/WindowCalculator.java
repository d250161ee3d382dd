package harvest.weather;

import harvest.system.DistrictTime;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an hourly forecast into rain-free windows and explained gaps (planning rules 1 and 2).
 * The series should start well before {@code from} (see {@link Windows}), so that rain just before the range
 * still takes the hours it dries out.
 */
@Singleton
public class WindowCalculator {
    private final WeatherRules rules;

    public WindowCalculator(WeatherRules rules) {
        this.rules = rules;
    }

    public WeatherRules rules() {
        return rules;
    }

    /** The hours of {@code [from, to)}, grouped into windows and gaps. */
    public List<Segment> segments(HourlySeries series, Instant from, Instant to) {
        List<Segment> segments = new ArrayList<>();
        boolean inSpell = false;
        double spellMm = 0;
        double dryOutMm = 0;
        int dryUntil = -1;
        for (int i = 0; i < series.hours(); i++) {
            Instant hour = series.hourAt(i);
            boolean missing = series.isMissing(i);
            boolean wet = !missing && rules.isWet(series.precipitationMm()[i], series.probabilityPct()[i]);
            if (wet) {
                inSpell = true;
                spellMm += series.precipitationMm()[i];
            } else if (inSpell && !missing) {
                // An hour nobody forecast neither ends a spell nor adds to it; the first dry hour ends it.
                inSpell = false;
                int until = i + rules.dryOutHours(spellMm);
                if (until > dryUntil) {
                    // A short shower does not cut short the dry-out of a heavier spell before it.
                    dryUntil = until;
                    dryOutMm = round(spellMm);
                }
                spellMm = 0;
            }
            if (hour.isBefore(from) || !hour.isBefore(to)) {
                continue;
            }
            GapReason reason = missing ? GapReason.NO_FORECAST
                    : wet ? GapReason.WET
                    : i < dryUntil ? GapReason.DRY_OUT
                    : !rules.isWorkHour(ZonedDateTime.ofInstant(hour, DistrictTime.ZONE).toLocalTime()) ? GapReason.NIGHT
                    : null;
            Double rain = null;
            if (reason == GapReason.WET) {
                rain = series.precipitationMm()[i];
            } else if (reason == GapReason.DRY_OUT) {
                rain = dryOutMm;
            }
            append(segments, new Segment(hour, hour.plus(Duration.ofHours(1)), reason, rain));
        }
        return dropShortWindows(segments);
    }

    /** Extends the last segment when the hour continues it; a wet run adds up its rain. */
    private static void append(List<Segment> segments, Segment hour) {
        if (!segments.isEmpty()) {
            Segment last = segments.getLast();
            boolean continues = last.end().equals(hour.start()) && last.reason() == hour.reason()
                    && (hour.reason() != GapReason.DRY_OUT || last.rainMm().equals(hour.rainMm()));
            if (continues) {
                segments.set(segments.size() - 1, hour.reason() == GapReason.WET
                        ? new Segment(last.start(), hour.end(), GapReason.WET, round(last.rainMm() + hour.rainMm()))
                        : last.withEnd(hour.end()));
                return;
            }
        }
        segments.add(hour);
    }

    private List<Segment> dropShortWindows(List<Segment> segments) {
        if (rules.getMinWindowHours() <= 1) {
            return segments;
        }
        List<Segment> kept = new ArrayList<>();
        for (Segment segment : segments) {
            append(kept, segment.workable() && segment.hours() < rules.getMinWindowHours()
                    ? new Segment(segment.start(), segment.end(), GapReason.TOO_SHORT, null)
                    : segment);
        }
        return kept;
    }

    private static double round(double mm) {
        return Math.round(mm * 100) / 100.0;
    }
}
