package harvest.weather;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** One community's forecast for one hour, as stored, with the forecast issue it came from. */
public record ForecastHour(String communityCode, Instant hour, double precipitationMm, int probabilityPct,
                           @Nullable Double temperatureC, @Nullable Integer humidityPct, @Nullable Double windSpeedMs,
                           long forecastId) {
}
