package harvest.system.cluster;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

/**
 * Timed work that must happen once per firing however many instances share the database: the evening texts, the
 * weather pull, draft re-plans, housekeeping. One instance takes each firing (db-scheduler's row in
 * {@code scheduled_tasks}); should it die mid-run, another takes the firing over once its heartbeats stop.
 */
public interface ClusterJob {
    /** Stable across releases: it names the job's row in {@code scheduled_tasks}. */
    String name();

    Schedule schedule();

    void run();
}
