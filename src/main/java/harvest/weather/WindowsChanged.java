package harvest.weather;

import java.time.Instant;
import java.util.List;

/** Published in-process after a forecast that changed windows is committed; planning and SMS listen for it. */
public record WindowsChanged(long changeId, long forecastId, Instant from, Instant to, List<String> communities) {
}
