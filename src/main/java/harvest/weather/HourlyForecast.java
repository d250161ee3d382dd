package harvest.weather;

import harvest.system.DistrictTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** One hour of a community's forecast and the issue it comes from. */
@Serdeable
public record HourlyForecast(OffsetDateTime time, double precipitationMm, int probabilityPct, @Nullable Double temperatureC,
                             @Nullable Integer humidityPct, @Nullable Double windSpeedMs, long forecastId) {

    static HourlyForecast of(ForecastHour hour) {
        return new HourlyForecast(DistrictTime.local(hour.hour()), hour.precipitationMm(), hour.probabilityPct(),
                hour.temperatureC(), hour.humidityPct(), hour.windSpeedMs(), hour.forecastId());
    }
}
