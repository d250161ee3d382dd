package harvest.sms.twilio;

import harvest.system.DistrictTime;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** The night, in district time, when only urgent rain alerts may wake anyone; it may span midnight. */
record QuietHours(LocalTime start, LocalTime end) {

    boolean contains(Instant instant) {
        LocalTime time = instant.atZone(DistrictTime.ZONE).toLocalTime();
        return start.isAfter(end) ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
    }

    /** The next end of quiet hours after {@code instant}: when deferred texts go out. */
    Instant nextEnd(Instant instant) {
        ZonedDateTime local = instant.atZone(DistrictTime.ZONE);
        ZonedDateTime end = local.with(this.end);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }
}
