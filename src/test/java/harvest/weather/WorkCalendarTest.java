package harvest.weather;

import harvest.planning.solver.Plans;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkCalendarTest {
    private final WorkCalendar calendar = Plans.calendar(10, 11);

    @Test
    void work_starts_at_the_first_workable_minute() {
        assertThat(calendar.firstWorkable(0)).isEqualTo(6 * 60);
        assertThat(calendar.firstWorkable(7 * 60 + 20)).isEqualTo(7 * 60 + 20);
        assertThat(calendar.firstWorkable(10 * 60 + 5)).isEqualTo(12 * 60);
    }

    @Test
    void work_interrupted_by_rain_resumes_after_it() {
        // 09:30 + 90 minutes of work: 30 before the rain at 10:00, then 60 from 12:00
        assertThat(calendar.finish(9 * 60 + 30, 90)).isEqualTo(13 * 60);
    }

    @Test
    void work_paused_overnight_continues_the_next_morning() {
        assertThat(calendar.finish(21 * 60, 120)).isEqualTo(1440 + 7 * 60);
    }

    @Test
    void work_that_the_horizon_cannot_hold_never_ends() {
        assertThat(calendar.finish(1440 + 21 * 60, 120)).isEqualTo(WorkCalendar.NEVER);
        assertThat(calendar.firstWorkable(1440 + 22 * 60)).isEqualTo(WorkCalendar.NEVER);
    }

    @Test
    void wet_hours_are_counted_between_two_times() {
        assertThat(calendar.wetHours(0, 24 * 60)).isEqualTo(2);
        assertThat(calendar.wetHours(11 * 60, 12 * 60)).isEqualTo(1);
        assertThat(calendar.wetHours(-600, 100_000)).isEqualTo(2);
    }
}
