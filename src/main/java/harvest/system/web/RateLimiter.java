package harvest.system.web;

import java.time.Duration;
import java.util.Optional;

/**
 * Allows each key (a client address, a phone number, an account) {@code permits} requests per {@code period}, as a
 * burst or spread out, and refills continuously rather than per fixed minute, so a client is never refused just
 * because a clock minute turned. Every instance counts against the same limit: the state is in PostgreSQL.
 */
public final class RateLimiter {
    private final RateLimits limits;
    private final String name;
    private final Duration interval;
    private final Duration tolerance;

    RateLimiter(RateLimits limits, String name, int permits, Duration period) {
        if (permits < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one permit per positive period");
        }
        this.limits = limits;
        this.name = name;
        this.interval = period.dividedBy(permits);
        this.tolerance = period.minus(interval);
    }

    /** Takes a permit for {@code key}: empty when the request may go ahead, else how long until one is free. */
    public Optional<Duration> take(String key) {
        return limits.take(name, key, interval, tolerance);
    }
}
