package harvest.weather.pull;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** How the service pulls forecasts from an Open-Meteo-compatible provider ({@code harvest.weather.pull.*}). */
@ConfigurationProperties("harvest.weather.pull")
public interface PullSettings {
    @Bindable(defaultValue = "false")
    boolean isEnabled();

    @Bindable(defaultValue = "7")
    int getForecastDays();

    @Bindable(defaultValue = "50")
    int getBatchSize();

    @Bindable(defaultValue = "4")
    int getAttempts();

    @Bindable(defaultValue = "PT2S")
    Duration getBackoff();
}
