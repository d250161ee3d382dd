package harvest.weather.pull;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Pulls on a fixed delay when {@code harvest.weather.pull.enabled=true}. */
@Singleton
@Requires(property = "harvest.weather.pull.enabled", value = "true")
public class ScheduledPull {
    private final ForecastPuller puller;

    public ScheduledPull(ForecastPuller puller) {
        this.puller = puller;
    }

    @Scheduled(fixedDelay = "${harvest.weather.pull.interval:1h}", initialDelay = "${harvest.weather.pull.initial-delay:30s}")
    void pull() {
        puller.pull();
    }
}
