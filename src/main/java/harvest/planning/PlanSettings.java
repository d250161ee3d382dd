package harvest.planning;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** How many plans solve at once and how long they may take ({@code harvest.planning.*}). */
@ConfigurationProperties("harvest.planning")
public class PlanSettings {
    /** Each solve keeps a core busy; the default leaves the other core to the API. */
    private int maxSolving = 1;
    private int maxQueued = 4;
    private Duration defaultTimeLimit = Duration.ofSeconds(30);
    private Duration maxTimeLimit = Duration.ofMinutes(10);
    private Duration heartbeat = Duration.ofSeconds(10);
    /** A queued or solving plan whose service has not beaten its heart for this long is failed as abandoned. */
    private Duration abandonedAfter = Duration.ofSeconds(60);
    /**
     * Also stop the search after this many steps: with it, a plan no longer depends on how busy the machine was
     * (the search itself is reproducible), which tests and side-by-side comparisons want. Unset by default.
     */
    private Integer stepLimit;

    public int getMaxSolving() {
        return maxSolving;
    }

    public void setMaxSolving(int maxSolving) {
        this.maxSolving = maxSolving;
    }

    public int getMaxQueued() {
        return maxQueued;
    }

    public void setMaxQueued(int maxQueued) {
        this.maxQueued = maxQueued;
    }

    public Duration getDefaultTimeLimit() {
        return defaultTimeLimit;
    }

    public void setDefaultTimeLimit(Duration defaultTimeLimit) {
        this.defaultTimeLimit = defaultTimeLimit;
    }

    public Duration getMaxTimeLimit() {
        return maxTimeLimit;
    }

    public void setMaxTimeLimit(Duration maxTimeLimit) {
        this.maxTimeLimit = maxTimeLimit;
    }

    public Integer getStepLimit() {
        return stepLimit;
    }

    public void setStepLimit(Integer stepLimit) {
        this.stepLimit = stepLimit;
    }

    public Duration getHeartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    public Duration getAbandonedAfter() {
        return abandonedAfter;
    }

    public void setAbandonedAfter(Duration abandonedAfter) {
        this.abandonedAfter = abandonedAfter;
    }
}
