package harvest.system.web;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import harvest.system.Sql;
import harvest.system.cluster.ClusterJob;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * The generic cell rate algorithm on a shared table: per key only the time its bucket would be empty again is
 * kept, and one upsert takes a permit or refuses, so concurrent requests on several instances cannot both take
 * the last one. Times are the database's, the one clock all instances share.
 */
@Singleton
@Connectable
public class RateLimits implements ClusterJob {
    private final Sql sql;

    public RateLimits(Sql sql) {
        this.sql = sql;
    }

    /** {@code name} keeps this limit's keys apart from other limits'. */
    public RateLimiter limiter(String name, int permits, Duration period) {
        return new RateLimiter(this, name, permits, period);
    }

    /** Used by {@link RateLimiter#take}. */
    public Optional<Duration> take(String limiter, String key, Duration interval, Duration tolerance) {
        boolean taken = sql.of("""
                        INSERT INTO rate_limit AS r (limiter, key, empty_at)
                        VALUES (:limiter, :key, clock_timestamp() + make_interval(secs => :interval))
                        ON CONFLICT (limiter, key) DO UPDATE
                            SET empty_at = greatest(r.empty_at, clock_timestamp()) + make_interval(secs => :interval)
                            WHERE r.empty_at - clock_timestamp() <= make_interval(secs => :tolerance)
                        RETURNING 1""")
                .set("limiter", limiter).set("key", key).set("interval", seconds(interval)).set("tolerance", seconds(tolerance))
                .first(rows -> true).isPresent();
        if (taken) {
            return Optional.empty();
        }
        double wait = sql.of("""
                        SELECT extract(epoch FROM r.empty_at - clock_timestamp()) - :tolerance
                        FROM rate_limit r WHERE limiter = :limiter AND key = :key""")
                .set("limiter", limiter).set("key", key).set("tolerance", seconds(tolerance))
                .first(rows -> rows.getDouble(1)).orElse(0.0);
        return Optional.of(Duration.ofNanos(Math.max(1, (long) (wait * 1e9))));
    }

    @Override
    public String name() {
        return "rate-limit-housekeeping";
    }

    @Override
    public Schedule schedule() {
        return Schedules.fixedDelay(Duration.ofMinutes(10));
    }

    /** A key whose bucket is full again needs no row: the next request starts it afresh. */
    @Override
    public void run() {
        sql.of("DELETE FROM rate_limit WHERE empty_at < clock_timestamp()").update();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
