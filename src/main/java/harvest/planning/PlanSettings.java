package harvest.planning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** How many plans solve at once and how long they may take ({@code harvest.planning.*}). */
@ConfigurationProperties("harvest.planning")
public interface PlanSettings {
    /** Each solve keeps a core busy; the default leaves the other core to the API. */
    @Bindable(defaultValue = "1")
    int getMaxSolving();

    @Bindable(defaultValue = "4")
    int getMaxQueued();

    @Bindable(defaultValue = "PT30S")
    Duration getDefaultTimeLimit();

    @Bindable(defaultValue = "PT10M")
    Duration getMaxTimeLimit();

    @Bindable(defaultValue = "PT10S")
    Duration getHeartbeat();

    /** A queued or solving plan whose service has not beaten its heart for this long is failed as abandoned. */
    @Bindable(defaultValue = "PT60S")
    Duration getAbandonedAfter();

    /**
     * Also stop the search after this many steps: with it, a plan no longer depends on how busy the machine was
     * (the search itself is reproducible), which tests and side-by-side comparisons want. Unset by default.
     */
    @Nullable Integer getStepLimit();
}
