package harvest.weather.pull;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** How the latest pull went, and when the last one that worked was. */
@Serdeable
public record PullOutcome(Instant at, boolean succeeded, @Nullable Long forecastId, @Nullable Instant lastSuccess,
                          @Nullable String error) {

    static PullOutcome success(Instant at, long forecastId) {
        return new PullOutcome(at, true, forecastId, at, null);
    }

    static PullOutcome failure(Instant at, @Nullable Instant lastSuccess, String error) {
        return new PullOutcome(at, false, null, lastSuccess, error);
    }
}
