package harvest.system.web;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Only routes that stay open to anyone are asked: the others will need a token. */
@MicronautTest
class SecurityHeadersTest extends DatabaseTest {
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Inject
    Api api;
    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.drying.public-rate-limit", "2", "micronaut.server.client-address-header", "X-Forwarded-For");
    }

    @Test
    void health_and_the_contract_carry_the_headers_and_forbid_everything_a_page_could_load() {
        for (String path : List.of("/health", "/swagger/harvest-api.yml")) {
            Api.Reply reply = api.get(path);

            assertThat(reply.status()).as(path).isEqualTo(200);
            assertHardened(reply, path);
            assertThat(reply.header("Content-Security-Policy")).as(path).isEqualTo(API_POLICY);
        }
    }

    @Test
    void the_public_board_keeps_its_own_caching() {
        Api.Reply board = api.get("/api/v1/public/drying-sites", "X-Forwarded-For", "203.0.113.1");

        assertThat(board.status()).isEqualTo(200);
        assertHardened(board, "board");
        assertThat(board.header("Content-Security-Policy")).isEqualTo(API_POLICY);
        assertThat(board.header("Cache-Control")).startsWith("public, max-age=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/redoc", "/redoc/", "/swagger-ui/", "/swagger-ui/index.html", "/swagger-ui/res/swagger-ui-bundle.js"})
    void the_docs_pages_may_run_their_own_scripts_and_styles_but_nothing_from_elsewhere(String path) {
        Api.Reply page = api.get(path);

        assertThat(page.status()).isEqualTo(200);
        assertHardened(page, path);
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'",
                        "img-src 'self' data:", "worker-src 'self' blob:", "frame-ancestors 'none'")
                .doesNotContain("*", "http");
    }

    @Test
    void errors_from_routing_carry_the_headers_and_api_errors_are_not_cached() {
        Api.Reply unknownApi = api.get("/api/v1/no-such-thing");
        Api.Reply unknown = api.get("/no-such-page");
        Api.Reply wrongMethod = api.send("POST", "/api/v1/public/drying-sites", HttpRequest.BodyPublishers.ofString("{}"), "application/json");

        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertHardened(unknownApi, "404 api");
        assertHardened(unknown, "404");
        assertHardened(wrongMethod, "405");
        assertThat(unknownApi.header("Cache-Control")).isEqualTo("no-store");
        assertThat(wrongMethod.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void errors_a_controller_throws_carry_the_headers_and_are_not_cached() {
        Api.Reply refused = null;
        for (int i = 0; i < 3; i++) {
            refused = api.get("/api/v1/public/drying-sites", "X-Forwarded-For", "203.0.113.99");
        }

        assertThat(refused.status()).isEqualTo(429);
        assertHardened(refused, "429");
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
    }

    /** Sent by hand: the JDK's client will not send a malformed URI. */
    @Test
    void a_request_that_cannot_be_read_gets_a_400_with_the_headers() throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(("GET /api/v1/public/drying-sites?community=%zz HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String[] response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                    .split("\r\n\r\n", 2)[0].split("\r\n");

            assertThat(response[0]).startsWith("HTTP/1.1 400");
            Map<String, List<String>> headers = new HashMap<>();
            for (int i = 1; i < response.length; i++) {
                String[] header = response[i].split(":", 2);
                headers.put(header[0], List.of(header[1].strip()));
            }
            assertHardened(new Api.Reply(400, headers, new byte[0]), "400");
        }
    }

    private static void assertHardened(Api.Reply reply, String what) {
        assertThat(reply.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(reply.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(reply.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        assertThat(reply.header("Strict-Transport-Security")).as(what).isEqualTo("max-age=31536000");
        assertThat(reply.header("Content-Security-Policy")).as(what).isNotBlank();
    }
}
