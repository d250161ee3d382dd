package harvest.planning;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the plans this process is solving as alive, and fails plans whose process went quiet (a crash, a
 * kill, a restart), at start-up and then on every beat: a plan is never left QUEUED or SOLVING for ever.
 */
@Singleton
public class PlanHeartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(PlanHeartbeat.class);

    private final PlanStore store;
    private final PlanSolving solving;
    private final PlanSettings settings;

    public PlanHeartbeat(PlanStore store, PlanSolving solving, PlanSettings settings) {
        this.store = store;
        this.solving = solving;
        this.settings = settings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        failAbandoned();
    }

    @Scheduled(fixedDelay = "${harvest.planning.heartbeat:10s}")
    void beat() {
        store.heartbeat(solving.active());
        failAbandoned();
    }

    @Scheduled(fixedDelay = "${harvest.planning.stop-poll:1s}")
    void stops() {
        solving.applyStopRequests();
    }

    void failAbandoned() {
        int failed = store.failAbandoned(settings.getAbandonedAfter());
        if (failed > 0) {
            LOG.warn("failed {} abandoned plan(s)", failed);
        }
    }
}
