package harvest.weather;

import harvest.ledger.ActiveCodes;
import harvest.ledger.LedgerKind;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Rain-free windows per community, computed from the latest forecast for every hour. */
@Singleton
public class Windows {
    /**
     * Hours read before the range on top of the longest dry-out, so that a spell of rain already under way when
     * the range starts is measured whole (its millimetres decide its dry-out).
     */
    private static final int SPELL_LOOKBACK_HOURS = 48;

    private final ForecastStore forecasts;
    private final WindowCalculator calculator;
    private final ActiveCodes activeCodes;

    public Windows(ForecastStore forecasts, WindowCalculator calculator, ActiveCodes activeCodes) {
        this.forecasts = forecasts;
        this.calculator = calculator;
        this.activeCodes = activeCodes;
    }

    public WeatherRules rules() {
        return calculator.rules();
    }

    public List<String> activeCommunities() {
        return List.copyOf(new TreeSet<>(activeCodes.of(LedgerKind.COMMUNITIES)));
    }

    /** Each community's windows and gaps over {@code [from, to)}, in community code order. */
    public Map<String, List<Segment>> timelines(Collection<String> communities, Instant from, Instant to) {
        Instant lookback = from.minus(Duration.ofHours(calculator.rules().getDryOutMaxHours() + SPELL_LOOKBACK_HOURS));
        int hours = (int) Duration.between(lookback, to).toHours();
        Map<String, HourlySeries> series = new LinkedHashMap<>();
        for (String community : new TreeSet<>(communities)) {
            series.put(community, HourlySeries.empty(community, lookback, hours));
        }
        for (ForecastHour hour : forecasts.latest(series.keySet(), lookback, to)) {
            series.get(hour.communityCode()).put(hour.hour(), hour.precipitationMm(), hour.probabilityPct());
        }
        Map<String, List<Segment>> timelines = new LinkedHashMap<>();
        series.forEach((community, s) -> timelines.put(community, calculator.segments(s, from, to)));
        return timelines;
    }
}
