package harvest.weather;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static harvest.weather.GapReason.DRY_OUT;
import static harvest.weather.GapReason.WET;
import static org.assertj.core.api.Assertions.assertThat;

/** Planning rules 1 and 2 at their edges, on one community's day (local time, +08:00). */
class WindowCalculatorTest {
    private static final Instant MAY_28 = at("2023-05-28T00:00");
    private static final Instant MAY_29 = at("2023-05-29T00:00");
    private static final Instant MAY_30 = at("2023-05-30T00:00");

    private final WeatherRules rules = new WeatherRules();
    private final WindowCalculator calculator = new WindowCalculator(rules);

    @Test
    void a_dry_day_is_one_window_from_six_to_ten() {
        List<Segment> day = calculator.segments(dry(MAY_28, 24), MAY_28, MAY_29);

        assertThat(describe(day)).containsExactly("00:00-06:00 NIGHT", "06:00-22:00 window", "22:00-00:00 NIGHT");
    }

    @Test
    void rain_ending_at_five_fifty_nine_dries_out_until_eight() {
        HourlySeries series = dry(MAY_28, 24);
        series.put(at("2023-05-28T05:00"), 1.0, 90);

        List<Segment> day = calculator.segments(series, MAY_28, MAY_29);

        assertThat(describe(day)).containsExactly(
                "00:00-05:00 NIGHT", "05:00-06:00 WET 1.0mm", "06:00-08:00 DRY_OUT after 1.0mm", "08:00-22:00 window", "22:00-00:00 NIGHT");
    }

    @Test
    void dry_out_after_evening_rain_crosses_midnight_into_the_morning() {
        HourlySeries series = dry(MAY_28, 48);
        series.put(at("2023-05-28T23:00"), 8.0, 100);

        List<Segment> nextDay = calculator.segments(series, MAY_29, MAY_30);

        assertThat(describe(nextDay)).startsWith("00:00-08:00 DRY_OUT after 8.0mm", "08:00-22:00 window");
    }

    @Test
    void dry_out_is_one_hour_per_mm_rounded_up_between_two_and_eight() {
        assertThat(rules.dryOutHours(0)).isEqualTo(2);
        assertThat(rules.dryOutHours(2.0)).isEqualTo(2);
        assertThat(rules.dryOutHours(3.2)).isEqualTo(4);
        assertThat(rules.dryOutHours(8.0)).isEqualTo(8);
        assertThat(rules.dryOutHours(35)).isEqualTo(8);
    }

    @Test
    void a_spell_counts_all_its_rain() {
        HourlySeries series = dry(MAY_28, 24);
        series.put(at("2023-05-28T09:00"), 1.5, 80);
        series.put(at("2023-05-28T10:00"), 2.0, 90);
        series.put(at("2023-05-28T11:00"), 1.5, 80);

        List<Segment> day = calculator.segments(series, MAY_28, MAY_29);

        assertThat(describe(day)).contains("09:00-12:00 WET 5.0mm", "12:00-17:00 DRY_OUT after 5.0mm", "17:00-22:00 window");
    }

    @Test
    void probability_exactly_at_the_threshold_is_wet_and_just_below_is_not() {
        HourlySeries series = dry(MAY_28, 24);
        series.put(at("2023-05-28T10:00"), 0.0, 70);
        series.put(at("2023-05-28T16:00"), 0.0, 69);

        List<Segment> day = calculator.segments(series, MAY_28, MAY_29);

        assertThat(describe(day)).containsExactly("00:00-06:00 NIGHT", "06:00-10:00 window", "10:00-11:00 WET 0.0mm",
                "11:00-13:00 DRY_OUT after 0.0mm", "13:00-22:00 window", "22:00-00:00 NIGHT");
    }

    @Test
    void point_two_millimetres_is_wet_and_point_one_nine_is_not() {
        HourlySeries series = dry(MAY_28, 24);
        series.put(at("2023-05-28T10:00"), 0.19, 10);
        series.put(at("2023-05-28T15:00"), 0.2, 10);

        List<Segment> day = calculator.segments(series, MAY_28, MAY_29);

        assertThat(describe(day)).contains("06:00-15:00 window", "15:00-16:00 WET 0.2mm", "16:00-18:00 DRY_OUT after 0.2mm");
    }

    @Test
    void a_one_hour_window_counts_unless_the_minimum_is_raised() {
        HourlySeries series = dry(MAY_28, 24);
        series.put(at("2023-05-28T07:00"), 0, 95);

        assertThat(describe(calculator.segments(series, MAY_28, MAY_29))).containsExactly("00:00-06:00 NIGHT",
                "06:00-07:00 window", "07:00-08:00 WET 0.0mm", "08:00-10:00 DRY_OUT after 0.0mm", "10:00-22:00 window",
                "22:00-00:00 NIGHT");

        rules.setMinWindowHours(2);
        assertThat(describe(calculator.segments(series, MAY_28, MAY_29))).contains("06:00-07:00 TOO_SHORT");
    }

    @Test
    void a_light_shower_does_not_cut_short_a_heavier_spells_dry_out() {
        HourlySeries series = dry(MAY_28, 24);
        series.put(at("2023-05-28T06:00"), 10.0, 100);
        series.put(at("2023-05-28T08:00"), 0.3, 80);

        List<Segment> day = calculator.segments(series, MAY_28, MAY_29);

        assertThat(describe(day)).containsExactly("00:00-06:00 NIGHT", "06:00-07:00 WET 10.0mm",
                "07:00-08:00 DRY_OUT after 10.0mm", "08:00-09:00 WET 0.3mm", "09:00-15:00 DRY_OUT after 10.0mm",
                "15:00-22:00 window", "22:00-00:00 NIGHT");
    }

    @Test
    void a_missing_hour_inside_a_spell_does_not_split_it() {
        HourlySeries series = dry(MAY_28, 24);
        series.put(at("2023-05-28T08:00"), 4.0, 100);
        series.put(at("2023-05-28T09:00"), Double.NaN, 0);
        series.put(at("2023-05-28T10:00"), 4.0, 100);

        List<Segment> day = calculator.segments(series, MAY_28, MAY_29);

        assertThat(describe(day)).contains("09:00-10:00 NO_FORECAST", "11:00-19:00 DRY_OUT after 8.0mm", "19:00-22:00 window");
    }

    @Test
    void missing_hours_are_not_workable() {
        HourlySeries series = HourlySeries.empty("C", MAY_28, 24);
        for (int hour = 0; hour < 12; hour++) {
            series.put(MAY_28.plusSeconds(3600L * hour), 0, 0);
        }

        List<Segment> day = calculator.segments(series, MAY_28, MAY_29);

        assertThat(describe(day)).containsExactly("00:00-06:00 NIGHT", "06:00-12:00 window", "12:00-00:00 NO_FORECAST");
    }

    @Test
    void rain_before_the_range_still_takes_its_dry_out_hours() {
        HourlySeries series = dry(at("2023-05-28T22:00"), 26);
        series.put(at("2023-05-28T23:00"), 3.0, 100);

        List<Segment> day = calculator.segments(series, MAY_29, MAY_30);

        assertThat(describe(day).getFirst()).isEqualTo("00:00-03:00 DRY_OUT after 3.0mm");
    }

    private static HourlySeries dry(Instant start, int hours) {
        HourlySeries series = HourlySeries.empty("C", start, hours);
        for (int i = 0; i < hours; i++) {
            series.put(series.hourAt(i), 0, 0);
        }
        return series;
    }

    private static List<String> describe(List<Segment> segments) {
        return segments.stream().map(s -> local(s.start()) + "-" + local(s.end()) + " "
                + (s.workable() ? "window" : s.reason() + (s.reason() == WET ? " " + s.rainMm() + "mm"
                : s.reason() == DRY_OUT ? " after " + s.rainMm() + "mm" : ""))).toList();
    }

    private static String local(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.ofHours(8)).toLocalTime().toString();
    }

    private static Instant at(String localTime) {
        return OffsetDateTime.parse(localTime + ":00+08:00").toInstant();
    }
}
