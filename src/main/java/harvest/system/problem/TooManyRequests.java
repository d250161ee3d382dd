package harvest.system.problem;

import io.micronaut.http.HttpHeaders;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that a rate limit, a quota or a full queue can refuse: every such 429 says in Retry-After when to ask
 * again (see {@link ProblemException#retryAfter}), so a generated client can back off without parsing the problem.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "429", description = "Too many requests, a quota used up or every solver busy; the problem type says which",
        headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait before asking again", required = true,
                schema = @Schema(type = "integer", minimum = "1")),
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface TooManyRequests {
}
