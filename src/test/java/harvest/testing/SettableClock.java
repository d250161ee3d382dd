package harvest.testing;

import harvest.system.Clocks;
import harvest.system.DistrictTime;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The district clock in tests: the system's time until a test sets it, so that a test can live through the June
 * 2023 storm the demo district's data describe.
 */
@Singleton
@Replaces(bean = Clock.class, factory = Clocks.class)
public class SettableClock extends Clock {
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void set(Instant now) {
        fixed.set(now);
    }

    @Override
    public ZoneId getZone() {
        return DistrictTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the district clock keeps the district's zone");
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now == null ? Instant.now() : now;
    }
}
