package harvest.weather.pull;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import harvest.system.cluster.ClusterJob;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Pulls on a fixed delay when {@code harvest.weather.pull.enabled=true}, from one instance per period. */
@Singleton
@Requires(property = "harvest.weather.pull.enabled", value = "true")
public class ScheduledPull implements ClusterJob {
    private final ForecastPuller puller;

    private final Duration interval;

    public ScheduledPull(ForecastPuller puller, @Value("${harvest.weather.pull.interval:1h}") Duration interval) {
        this.puller = puller;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "weather-pull";
    }

    @Override
    public Schedule schedule() {
        return Schedules.fixedDelay(interval);
    }

    @Override
    public void run() {
        puller.pull();
    }
}
