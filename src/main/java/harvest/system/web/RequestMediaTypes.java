package harvest.system.web;

import harvest.system.problem.Problem;
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
 * application/problem+json (this contract's errors) takes whatever the operation answers on success: generators
 * send the problem type alone for operations that answer nothing, and only the JSON types for an export's CSV or
 * XLSX. A body without a Content-Type is not guessed to be JSON.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestMediaTypes {
    private static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @PreMatching
    @RequestFilter
    public void settle(MutableHttpRequest<?> request) {
        Collection<MediaType> accepted = request.accept();
        if (accepted.stream().anyMatch(type -> type.matches(PROBLEM_JSON) && !type.getType().equals("*"))
                && accepted.stream().noneMatch(type -> type.getType().equals("*"))) {
            request.getHeaders().add(HttpHeaders.ACCEPT, "*/*;q=0.1");
        }
        if (WITH_BODY.contains(request.getMethod()) && request.getContentType().isEmpty() && request.getContentLength() > 0) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body has no Content-Type; send application/json");
        }
    }
}
