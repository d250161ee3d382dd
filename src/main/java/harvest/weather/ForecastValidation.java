package harvest.weather;

import harvest.system.era.ServiceEra;
import harvest.system.problem.Problem;
import harvest.system.problem.ViolationPaths;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything wrong with a forecast bundle at once: value ranges (bean validation), and what only the whole
 * bundle shows: times without offset or off the hour, repeated or unordered hours, unknown or repeated communities.
 */
@Singleton
public class ForecastValidation {
    private final Validator validator;

    public ForecastValidation(Validator validator) {
        this.validator = validator;
    }

    public List<Problem.Violation> check(ForecastUpload upload, Set<String> knownCommunities) {
        List<Problem.Violation> violations = new ArrayList<>(validator.validate(upload).stream()
                .map(v -> Problem.Violation.of(ViolationPaths.render(v), v.getMessage()))
                .toList());
        if (upload.issuedAt() != null && !upload.issuedAt().isBlank()) {
            parseTime(upload.issuedAt(), "issuedAt", violations);
        }
        if (upload.series() == null) {
            return violations;
        }
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < upload.series().size(); s++) {
            ForecastUpload.Series series = upload.series().get(s);
            if (series == null) {
                continue;
            }
            String path = "series[" + s + "]";
            String community = series.communityCode();
            if (community != null && !community.isBlank()) {
                if (!knownCommunities.contains(community)) {
                    violations.add(Problem.Violation.of(path + ".communityCode", "no active community has code '" + community + "'"));
                } else if (!seen.add(community)) {
                    violations.add(Problem.Violation.of(path + ".communityCode", "'" + community + "' has a series already"));
                }
            }
            checkHours(series, path, violations);
        }
        return violations;
    }

    private static void checkHours(ForecastUpload.Series series, String path, List<Problem.Violation> violations) {
        if (series.hourly() == null) {
            return;
        }
        OffsetDateTime previous = null;
        for (int h = 0; h < series.hourly().size(); h++) {
            ForecastUpload.Hour hour = series.hourly().get(h);
            if (hour == null) {
                continue;
            }
            String field = path + ".hourly[" + h + "].time";
            String text = hour.time();
            OffsetDateTime time = text == null || text.isBlank() ? null : parseTime(text, field, violations);
            if (time == null) {
                continue;
            }
            if (!time.toInstant().truncatedTo(ChronoUnit.HOURS).equals(time.toInstant())) {
                violations.add(Problem.Violation.of(field, "must be the start of an hour, e.g. 2023-05-28T06:00:00+08:00"));
            } else if (previous != null && !time.isAfter(previous)) {
                violations.add(Problem.Violation.of(field, time.isEqual(previous)
                        ? "repeats the hour before it (" + text + ")"
                        : "comes before the hour before it; hours must be in order"));
            }
            previous = time;
        }
    }

    static OffsetDateTime parseTime(String text, String field, List<Problem.Violation> violations) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            if (!ServiceEra.contains(time)) {
                violations.add(Problem.Violation.of(field, "must be between " + ServiceEra.FIRST_YEAR + " and " + ServiceEra.LAST_YEAR));
                return null;
            }
            return time;
        } catch (DateTimeParseException e) {
            violations.add(Problem.Violation.of(field, "'" + text + "' is not an ISO-8601 time with an offset, e.g. 2023-05-28T06:00:00+08:00"));
            return null;
        }
    }
}
