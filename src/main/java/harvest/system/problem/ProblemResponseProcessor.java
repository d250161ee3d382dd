package harvest.system.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every error the server answers with, ours or the framework's (no route, bad JSON, body too large, ...),
 * passes through here, so every 4xx and 5xx is {@code application/problem+json}.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]+)\\]");
    private static final Pattern UNDECODABLE_PROPERTY = Pattern.compile("Error decoding property \\[(\\S+ )?([^\\]\\s]+)\\][^:]*: (.*)");

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        Throwable cause = context.getRootCause().orElse(null);
        Problem problem = cause instanceof ProblemException known ? fromException(context, known)
                : cause instanceof AuthorizationException refused ? fromRefusal(context, refused)
                : fromFramework(context, response.status());
        if (problem.status() >= 500) {
            LOG.error("Unhandled error on {} {}", context.getRequest().getMethod(), context.getRequest().getPath(), cause);
        }
        return response.status(HttpStatus.valueOf(problem.status()))
                .contentType(Problem.MEDIA_TYPE)
                .body(problem);
    }

    /** The security filter's 401 and 403, which say nothing of their own. */
    private static Problem fromRefusal(ErrorContext context, AuthorizationException refused) {
        HttpRequest<?> request = context.getRequest();
        ProblemType type = refused.isForbidden() ? ProblemType.FORBIDDEN : ProblemType.UNAUTHORIZED;
        String detail = refused.isForbidden()
                ? "your roles " + refused.getAuthentication().getRoles() + " may not call " + request.getMethod() + " " + request.getPath()
                : "no valid bearer token: sign in at /api/v1/auth/sign-in (staff) or /api/v1/auth/mobile/sign-in (app)";
        return new Problem(type.uri(), type.title(), type.status().getCode(), detail, request.getPath(), null);
    }

    private static Problem fromException(ErrorContext context, ProblemException e) {
        ProblemType type = e.type();
        return new Problem(type.uri(), type.title(), type.status().getCode(), e.getMessage(),
                context.getRequest().getPath(), e.violations().isEmpty() ? null : e.violations());
    }

    /** Names the offending JSON property where the decoder's message reveals it. */
    private static Problem.Violation violation(String path, String message) {
        Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
        if (unknown.find()) {
            return Problem.Violation.of(unknown.group(1), "is not a property of this resource");
        }
        Matcher undecodable = UNDECODABLE_PROPERTY.matcher(message);
        if (undecodable.find()) {
            boolean time = undecodable.group(1) != null && undecodable.group(1).startsWith("OffsetDateTime");
            return Problem.Violation.of(undecodable.group(2), time
                    ? "must be an ISO-8601 time with an offset, e.g. 2023-05-28T08:00:00+08:00"
                    : "could not be read: " + undecodable.group(3));
        }
        return Problem.Violation.of(path.replaceFirst("^/", ""), message);
    }

    /** Keeps the decoder's reason and drops its plumbing ("Failed to convert argument [request] ... due to:"). */
    static String readable(String message) {
        String reason = message;
        int dueTo = reason.lastIndexOf("due to: ");
        if (dueTo >= 0) {
            reason = reason.substring(dueTo + "due to: ".length());
        }
        int location = reason.indexOf("\n at [Source");
        if (location >= 0) {
            reason = reason.substring(0, location);
        }
        return reason.strip();
    }

    private static Problem fromFramework(ErrorContext context, HttpStatus status) {
        ProblemType type = ProblemType.forStatus(status);
        List<Problem.Violation> violations = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> violation(error.getPath().get(), readable(error.getMessage())))
                .toList();
        String detail = type == ProblemType.INTERNAL
                ? "Unexpected error; it has been logged"
                : context.getErrors().stream().map(e -> readable(e.getMessage())).findFirst().orElse(type.title());
        return new Problem(type.uri(), type.title(), status.getCode(), detail,
                context.getRequest().getPath(), violations.isEmpty() ? null : violations);
    }
}
