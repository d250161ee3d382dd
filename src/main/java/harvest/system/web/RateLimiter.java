package harvest.system.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Allows each key (a client address, a phone number, an account) {@code permits} requests per {@code period}, as a
 * burst or spread out, and refills continuously rather than per fixed minute, so a client is never refused just
 * because a clock minute turned. Kept in memory: with several instances each one limits on its own.
 * <p>
 * The generic cell rate algorithm: per key only the time its bucket would be empty again is kept.
 */
public final class RateLimiter {
    /** Beyond this many keys the idle ones are dropped, so a flood of addresses cannot grow the map for ever. */
    private static final int SWEEP_ABOVE = 10_000;

    private final long interval;
    private final long tolerance;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Long> emptyAt = new ConcurrentHashMap<>();

    public RateLimiter(int permits, Duration period) {
        this(permits, period, System::nanoTime);
    }

    RateLimiter(int permits, Duration period, LongSupplier nanoTime) {
        if (permits < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one permit per positive period");
        }
        this.interval = period.toNanos() / permits;
        this.tolerance = period.toNanos() - interval;
        this.nanoTime = nanoTime;
    }

    /** Takes a permit for {@code key}: empty when the request may go ahead, else how long until one is free. */
    public Optional<Duration> take(String key) {
        long now = nanoTime.getAsLong();
        if (emptyAt.size() > SWEEP_ABOVE) {
            emptyAt.values().removeIf(time -> time - now <= 0);
        }
        long[] wait = {0};
        emptyAt.compute(key, (k, time) -> {
            long start = time == null || time - now < 0 ? now : time;
            if (start - now > tolerance) {
                wait[0] = start - now - tolerance;
                return time;
            }
            return start + interval;
        });
        return wait[0] == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait[0]));
    }
}
