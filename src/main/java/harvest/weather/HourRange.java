package harvest.weather;

import harvest.system.DistrictTime;
import harvest.system.problem.Problem;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of whole hours asked for in a query: {@code from} inclusive, {@code to} exclusive. A bare date
 * means the district's midnight, and as {@code to} the end of that day, so {@code from=2023-05-28&to=2023-06-08}
 * covers both days whole.
 */
public record HourRange(Instant from, Instant to) {
    public static final int MAX_DAYS = 31;

    public static HourRange parse(String from, String to) {
        List<Problem.Violation> violations = new ArrayList<>();
        Instant start = instant(from, "from", false, violations);
        Instant end = instant(to, "to", true, violations);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                violations.add(Problem.Violation.of("to", "must be after from"));
            } else if (Duration.between(start, end).toDays() > MAX_DAYS) {
                violations.add(Problem.Violation.of("to", "the range may span at most " + MAX_DAYS + " days"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, violations.getFirst().field() + ": " + violations.getFirst().message(), violations);
        }
        return new HourRange(start.truncatedTo(ChronoUnit.HOURS), ceilHour(end));
    }

    private static Instant instant(String text, String field, boolean endOfDay, List<Problem.Violation> violations) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(DistrictTime.ZONE).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(Problem.Violation.of(field, "'" + text + "' is neither a date (2023-05-28) nor a time with offset (2023-05-28T06:00:00+08:00)"));
            return null;
        }
    }

    private static Instant ceilHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(Duration.ofHours(1));
    }
}
