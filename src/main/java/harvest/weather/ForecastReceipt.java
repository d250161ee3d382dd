package harvest.weather;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What storing a forecast did: the issue stored, and the windows-changed event it raised, if any. */
@Serdeable
public record ForecastReceipt(ForecastSummary forecast, @Nullable Long windowChangeId, List<String> changedCommunities) {
}
