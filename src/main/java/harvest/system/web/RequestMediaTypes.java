package harvest.system.web;

import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.Collection;
import java.util.Set;

/**
 * Media types as generated clients send them, settled before a route is chosen. A client that accepts
 * application/problem+json (an operation's errors) accepts the JSON of its success too: generators send that
 * alone for operations that answer nothing on success. A body without a Content-Type is not guessed to be JSON.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestMediaTypes {
    private static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @PreMatching
    @RequestFilter
    public void settle(MutableHttpRequest<?> request) {
        Collection<MediaType> accepted = request.accept();
        if (accepted.stream().anyMatch(type -> type.matches(PROBLEM_JSON) && !type.getType().equals("*"))
                && accepted.stream().noneMatch(type -> type.matches(MediaType.APPLICATION_JSON_TYPE))) {
            request.getHeaders().add(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
        if (WITH_BODY.contains(request.getMethod()) && request.getContentType().isEmpty() && request.getContentLength() > 0) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body has no Content-Type; send application/json");
        }
    }
}
