package harvest.bench;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What security costs a request: the token check (signature, then the session looked up) and the app's object
 * check (the number's holdings read from the ledgers), and what a staff sign-in costs (Argon2id). The baseline is
 * a small static file (the docs page): the same HTTP round trip with no token and nothing looked up. Requests go out
 * on a plain client, not the tests' contract-checking one, whose checking would be most of the time measured.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class SignInBenchmark extends DatabaseTest {
    private static final int REQUESTS = 200;
    /** The operator of the demo district's M0001. */
    private static final String OPERATOR_PHONE = "+8613883014629";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final String SIGN_IN = "{\"username\": \"test-admin\", \"password\": \"test admin passphrase\"}";

    @Inject
    Api api;
    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.sms.worker-enabled", "false");
    }

    @Test
    void what_signing_in_and_checking_tokens_cost() {
        String staff = token(post("/api/v1/auth/sign-in", SIGN_IN));
        post("/api/v1/auth/mobile/codes", "{\"phone\": \"" + OPERATOR_PHONE + "\"}");
        String app = token(post("/api/v1/auth/mobile/sign-in",
                "{\"phone\": \"" + OPERATOR_PHONE + "\", \"code\": \"" + api.lastCode(OPERATOR_PHONE) + "\"}"));

        long baseline = Medians.of(() -> requests("/redoc/index.html", null));
        long staffRequests = Medians.of(() -> requests("/api/v1/me", staff));
        long appRequests = Medians.of(() -> requests("/api/v1/me", app));
        long signIn = Medians.of(() -> token(post("/api/v1/auth/sign-in", SIGN_IN)).length());

        double perRequest = (double) baseline / REQUESTS;
        System.out.printf("%n%-62s %12s %8s%n", "security, " + REQUESTS + " requests a run", "median ms", "ratio");
        System.out.printf("%-62s %12.2f %8.2f%n", "baseline: GET /redoc/index.html, no token, a request", perRequest / 1e6, 1.0);
        System.out.printf("%-62s %12.2f %8.2f%n", "GET /api/v1/me, staff token (signature + session)", staffRequests / 1e6 / REQUESTS,
                (double) staffRequests / baseline);
        System.out.printf("%-62s %12.2f %8.2f%n", "GET /api/v1/me, app token (+ the number's holdings)", appRequests / 1e6 / REQUESTS,
                (double) appRequests / baseline);
        System.out.printf("%-62s %12.2f %8.2f%n%n", "POST /api/v1/auth/sign-in (Argon2id, 19 MiB, 2 passes)", signIn / 1e6, signIn / perRequest);
    }

    private int requests(String path, String token) {
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            send(request);
        }
        return REQUESTS;
    }

    private String post(String path, String json) {
        return send(HttpRequest.newBuilder(server.getURI().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(String body) {
        Matcher token = ACCESS_TOKEN.matcher(body);
        if (!token.find()) {
            throw new IllegalStateException("no access token in " + body);
        }
        return token.group(1);
    }
}
