package harvest.system.web;

import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * The version a client claims to be changing. From If-Match a mismatch is 412 (RFC 9110); from a
 * {@code version} property it is 409, the usual answer for a stale body.
 */
public record ExpectedVersion(long version, boolean fromIfMatch) {
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    /** If-Match wins over the body; one of them is required. */
    public static ExpectedVersion required(@Nullable String ifMatch, @Nullable Long bodyVersion) {
        return optional(ifMatch, bodyVersion).orElseThrow(() -> new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                "Send If-Match with the ETag you read, or the version property"));
    }

    public static Optional<ExpectedVersion> optional(@Nullable String ifMatch, @Nullable Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            Matcher m = ETAG.matcher(ifMatch.strip());
            if (!m.matches()) {
                throw ProblemException.invalid("If-Match", "must be an ETag returned by this API, e.g. \"3\"");
            }
            return Optional.of(new ExpectedVersion(Long.parseLong(m.group(1)), true));
        }
        return Optional.ofNullable(bodyVersion).map(v -> new ExpectedVersion(v, false));
    }

    public void check(long current) {
        if (current != version) {
            throw new ProblemException(fromIfMatch ? ProblemType.PRECONDITION_FAILED : ProblemType.VERSION_CONFLICT,
                    "Expected version " + version + " but the current version is " + current + "; reload and retry");
        }
    }
}
