package harvest.system.cluster;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

@ConfigurationProperties("harvest.scheduler")
interface SchedulerSettings {
    /** How often each instance looks for a due job: a job starts at most this late. */
    @Bindable(defaultValue = "PT1S")
    Duration getPoll();

    /** A running job's sign of life; after four missed ones another instance takes the firing over. */
    @Bindable(defaultValue = "PT30S")
    Duration getHeartbeat();

    @Bindable(defaultValue = "2")
    int getThreads();
}
