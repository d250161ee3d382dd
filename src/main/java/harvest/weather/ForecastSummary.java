package harvest.weather;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** A stored forecast issue and what it covers. */
@Serdeable
public record ForecastSummary(long id, String source, OffsetDateTime issuedAt, OffsetDateTime receivedAt, Channel channel,
                              int communities, int hours, @Nullable OffsetDateTime firstHour, @Nullable OffsetDateTime lastHour) {

    /** PUSH: uploaded to the API; PULL: fetched from the weather provider. */
    public enum Channel {
        PUSH, PULL
    }
}
