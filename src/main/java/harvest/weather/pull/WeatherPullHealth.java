package harvest.weather.pull;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows the forecast pull in /health. A failed pull is reported as DEGRADED, not DOWN: the service keeps
 * working on the last good forecast, so it must not be taken out of rotation for it.
 */
@Singleton
public class WeatherPullHealth implements HealthIndicator {
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "working on the last good forecast", true, 1);

    private final ForecastPuller puller;
    private final PullSettings settings;

    public WeatherPullHealth(ForecastPuller puller, PullSettings settings) {
        this.puller = puller;
        this.settings = settings;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        PullOutcome outcome = puller.lastOutcome();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", settings.isEnabled());
        HealthStatus status = HealthStatus.UP;
        if (outcome != null) {
            details.put("lastAttempt", outcome.at().toString());
            details.put("lastSuccess", outcome.lastSuccess() == null ? "never" : outcome.lastSuccess().toString());
            if (!outcome.succeeded()) {
                status = DEGRADED;
                details.put("error", outcome.error());
            }
        }
        return Publishers.just(HealthResult.builder("weatherPull", status).details(details).build());
    }
}
