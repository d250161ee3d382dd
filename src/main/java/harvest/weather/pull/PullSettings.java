package harvest.weather.pull;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** How the service pulls forecasts from an Open-Meteo-compatible provider ({@code harvest.weather.pull.*}). */
@ConfigurationProperties("harvest.weather.pull")
public class PullSettings {
    private boolean enabled;
    private int forecastDays = 7;
    private int batchSize = 50;
    private int attempts = 4;
    private Duration backoff = Duration.ofSeconds(2);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getForecastDays() {
        return forecastDays;
    }

    public void setForecastDays(int forecastDays) {
        this.forecastDays = forecastDays;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public Duration getBackoff() {
        return backoff;
    }

    public void setBackoff(Duration backoff) {
        this.backoff = backoff;
    }
}
