package harvest.security;

import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The sign-in routes are open to anyone and their bodies are a few dozen bytes: anything larger is refused before
 * it is read, rather than parsed up to the server's general limit (sized for ledger uploads) and then limited.
 */
@ServerFilter("/api/v1/auth/**")
public class SignInBodies {
    static final long MAX_BYTES = 4 * 1024;

    @RequestFilter
    public void limit(HttpRequest<?> request) {
        if (request.getContentLength() > MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "a sign-in body is at most " + MAX_BYTES + " bytes");
        }
    }
}
