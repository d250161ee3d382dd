package harvest.system;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ClocksTest {
    @Test
    void a_drill_day_shows_that_date_at_the_real_time_of_day() {
        Clock drill = new Clocks().clock(LocalDate.parse("2023-05-28"));
        ZonedDateTime before = ZonedDateTime.now(DistrictTime.ZONE);
        ZonedDateTime shown = ZonedDateTime.now(drill);
        ZonedDateTime after = ZonedDateTime.now(DistrictTime.ZONE);
        assumeTrue(before.toLocalDate().equals(after.toLocalDate()), "not across the district's midnight");

        assertThat(shown.toLocalDate()).isEqualTo(LocalDate.parse("2023-05-28"));
        assertThat(shown.toLocalTime()).isBetween(before.toLocalTime(), after.toLocalTime());
        assertThat(shown.getZone()).isEqualTo(DistrictTime.ZONE);
    }

    @Test
    void without_a_drill_day_the_clock_is_the_real_one() {
        Clock clock = new Clocks().clock(null);
        assertThat(clock.getZone()).isEqualTo(DistrictTime.ZONE);
        assertThat(Duration.between(clock.instant(), Clock.systemUTC().instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
