package harvest.system;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The one clock that says when things happen in the field. Everything that records reality (work done, grain
 * taken in, breakdowns) reads it, so a season can be replayed day by day against a clock set to that season.
 */
@Factory
public class Clocks {
    /**
     * The district's clock; with {@code harvest.clock.day} set (a drill, or the demo's June 2023 storm) the calendar
     * starts on that day and runs on in real time. The shift is whole days counted from the real date, so every
     * instance started on the same day keeps the same time.
     */
    @Singleton
    public Clock clock(@Property(name = "harvest.clock.day") @Nullable LocalDate day) {
        Clock real = Clock.system(DistrictTime.ZONE);
        return day == null ? real : Clock.offset(real, Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(real), day)));
    }
}
