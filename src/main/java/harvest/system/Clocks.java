package harvest.system;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock that says when things happen in the field. Everything that records reality (work done, grain
 * taken in, breakdowns) reads it, so a season can be replayed day by day against a clock set to that season.
 */
@Factory
public class Clocks {
    @Singleton
    public Clock clock() {
        return Clock.system(DistrictTime.ZONE);
    }
}
