package harvest.system.cluster;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.util.List;

/** Runs every {@link ClusterJob} through db-scheduler on the service's own database. */
@Singleton
@Requires(property = "harvest.scheduler.enabled", notEquals = "false")
class ClusterScheduler implements ApplicationEventListener<StartupEvent> {
    private final Scheduler scheduler;

    ClusterScheduler(DataSource dataSource, DataSourceResolver resolver, List<ClusterJob> jobs, SchedulerSettings settings) {
        List<RecurringTask<Void>> tasks = jobs.stream()
                .map(job -> Tasks.recurring(job.name(), job.schedule()).execute((instance, context) -> job.run()))
                .toList();
        // db-scheduler commits its own claims, so it gets the pool itself rather than the transaction-bound proxy
        this.scheduler = Scheduler.create(resolver.resolve(dataSource))
                .startTasks(tasks)
                .pollingInterval(settings.getPoll())
                .heartbeatInterval(settings.getHeartbeat())
                .threads(settings.getThreads())
                .build();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        scheduler.start();
    }

    @PreDestroy
    void stop() {
        scheduler.stop();
    }
}
