package harvest.weather;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * One community's forecast as dense hourly arrays from {@code start}; an hour nobody forecast holds
 * {@link Double#NaN} rain. Dense arrays keep the window computation a single pass without allocation.
 */
public record HourlySeries(String communityCode, Instant start, double[] precipitationMm, int[] probabilityPct) {

    public static HourlySeries empty(String communityCode, Instant start, int hours) {
        double[] rain = new double[hours];
        Arrays.fill(rain, Double.NaN);
        return new HourlySeries(communityCode, start, rain, new int[hours]);
    }

    public int hours() {
        return precipitationMm.length;
    }

    public boolean isMissing(int hour) {
        return Double.isNaN(precipitationMm[hour]);
    }

    public Instant hourAt(int index) {
        return start.plus(Duration.ofHours(index));
    }

    /** Sets the forecast for the hour starting at {@code time}; hours outside the series are ignored. */
    public void put(Instant time, double rainMm, int probability) {
        long index = Duration.between(start, time).toHours();
        if (index >= 0 && index < hours()) {
            precipitationMm[(int) index] = rainMm;
            probabilityPct[(int) index] = probability;
        }
    }
}
