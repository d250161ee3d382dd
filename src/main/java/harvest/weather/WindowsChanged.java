package harvest.weather;

import java.time.Instant;
import java.util.List;

/**
 * Published in-process inside the transaction that stores a forecast which changed windows, so that what
 * listeners write (the SMS outbox's rain alerts) commits or rolls back with the forecast.
 */
public record WindowsChanged(long changeId, long forecastId, Instant from, Instant to, List<String> communities) {
}
