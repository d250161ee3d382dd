package harvest.bench;

import harvest.weather.HourlySeries;
import harvest.weather.WeatherRules;
import harvest.weather.WindowCalculator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Windows for 100 communities over 14 days (the bound: under 50 ms), against a baseline pass over the
 * same hours that only counts the wet ones. Run with {@code ./mvnw test -Pbenchmark}.
 */
@Tag("benchmark")
class WindowBenchmark {
    private static final int COMMUNITIES = 100;
    private static final int DAYS = 14;
    private static final int WARMUPS = 200;
    private static final int RUNS = 101;
    private static final Instant FROM = OffsetDateTime.parse("2023-05-28T00:00:00+08:00").toInstant();

    private final WeatherRules rules = new WeatherRules();
    private final WindowCalculator calculator = new WindowCalculator(rules);

    @Test
    void windows_for_a_hundred_communities_over_fourteen_days() {
        List<HourlySeries> district = district(new Random(42));
        Instant to = FROM.plus(Duration.ofDays(DAYS));
        long sink = 0;

        long[] baseline = new long[RUNS];
        long[] windows = new long[RUNS];
        for (int run = -WARMUPS; run < RUNS; run++) {
            long start = System.nanoTime();
            for (HourlySeries series : district) {
                sink += countWet(series);
            }
            long middle = System.nanoTime();
            for (HourlySeries series : district) {
                sink += calculator.segments(series, FROM, to).size();
            }
            long end = System.nanoTime();
            if (run >= 0) {
                baseline[run] = middle - start;
                windows[run] = end - middle;
            }
        }

        double base = median(baseline) / 1e6;
        double computed = median(windows) / 1e6;
        System.out.printf("%n%-52s %10s %8s%n", "100 communities x 14 days (" + COMMUNITIES * (DAYS * 24 + 8) + " hours)", "median ms", "ratio");
        System.out.printf("%-52s %10.3f %8.2f%n", "baseline: one pass counting wet hours", base, 1.0);
        System.out.printf("%-52s %10.3f %8.2f%n", "windows and explained gaps (WindowCalculator)", computed, computed / base);
        System.out.printf("(checksum %d)%n%n", sink);
    }

    private int countWet(HourlySeries series) {
        int wet = 0;
        for (int i = 0; i < series.hours(); i++) {
            if (rules.isWet(series.precipitationMm()[i], series.probabilityPct()[i])) {
                wet++;
            }
        }
        return wet;
    }

    /** Showery weather: rain comes in spells of 1-12 hours, on roughly a quarter of the hours. */
    private static List<HourlySeries> district(Random random) {
        List<HourlySeries> district = new ArrayList<>();
        int hours = DAYS * 24 + 8;
        for (int c = 0; c < COMMUNITIES; c++) {
            HourlySeries series = HourlySeries.empty("C" + c, FROM.minus(Duration.ofHours(8)), hours);
            int h = 0;
            while (h < hours) {
                boolean raining = random.nextDouble() < 0.25;
                int spell = 1 + random.nextInt(12);
                for (int i = 0; i < spell && h < hours; i++, h++) {
                    series.put(series.hourAt(h), raining ? random.nextDouble() * 4 : 0, raining ? 60 + random.nextInt(40) : random.nextInt(40));
                }
            }
            district.add(series);
        }
        return district;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
