package harvest.system.era;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;

/** The years a date given to this service may fall in. */
public final class ServiceEra {
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    private static final Instant START = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private ServiceEra() {
    }

    /** Whether {@code value} (a date, a time with offset or an instant) falls in the era. */
    public static boolean contains(TemporalAccessor value) {
        return switch (value) {
            case LocalDate date -> date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
            case OffsetDateTime time -> time.getYear() >= FIRST_YEAR && time.getYear() <= LAST_YEAR;
            case Instant instant -> !instant.isBefore(START) && instant.isBefore(END);
            default -> throw new IllegalArgumentException("not a date: " + value.getClass().getSimpleName());
        };
    }
}
