package harvest.system;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import harvest.testing.Ledgers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client gets wrong, the answer is a problem+json 4xx that says what, and nothing is written. */
@MicronautTest
class BadRequestsTest extends DatabaseTest {
    @Inject
    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.max-request-size", "16KB", "micronaut.server.multipart.max-file-size", "16KB");
    }

    @Test
    void an_unknown_property_is_named() {
        Api.Reply reply = api.post("/api/v1/communities", Ledgers.with(Ledgers.Resource.COMMUNITIES.body("U1"), "mayor", "张三"));

        assertProblem(reply, 400, "/malformed-request");
        assertThat(reply.errorFields()).containsExactly("mayor");
        assertThat(api.get("/api/v1/communities/code/U1").status()).isEqualTo(404);
    }

    @Test
    void malformed_json_and_wrong_types_are_400() {
        assertProblem(api.post("/api/v1/communities", "{\"code\": \"U2\", "), 400, "/malformed-request");
        assertProblem(api.post("/api/v1/communities", Ledgers.with(Ledgers.Resource.COMMUNITIES.body("U2"), "lat", "north")),
                400, "/malformed-request");
        assertProblem(api.post("/api/v1/machines", Ledgers.with(Ledgers.Resource.MACHINES.body("U2"), "kind", "TRACTOR")),
                400, "/malformed-request");
        assertThat(api.post("/api/v1/machines", Ledgers.with(Ledgers.Resource.MACHINES.body("U2"), "kind", "TRACTOR")).text())
                .contains("Expected one of [SEEDER, COMBINE] but was 'TRACTOR'");
    }

    @Test
    void json_of_another_type_is_refused_never_coerced() {
        Api.Reply lat = api.post("/api/v1/communities", Ledgers.with(Ledgers.Resource.COMMUNITIES.body("T5"), "lat", java.util.List.of(1)));
        assertThat(lat.errorFields()).as(lat.toString()).containsExactly("lat");
        assertThat(api.post("/api/v1/communities", Ledgers.with(Ledgers.Resource.COMMUNITIES.body("T5"), "code", 123))
                .errorFields()).containsExactly("code");
        assertThat(api.put("/api/v1/accounts/test-admin", Map.of("enabled", "yes")).errorFields()).containsExactly("enabled");
        assertThat(api.get("/api/v1/accounts/test-admin").json().get("enabled").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/communities/code/T5").status()).isEqualTo(404);
    }

    @Test
    void anything_after_the_json_document_is_refused() {
        String body = "{\"code\": \"U6\", \"name\": \"六\", \"street\": \"街\", \"lat\": 34, \"lon\": 113} {\"code\": \"U7\"}";

        assertProblem(api.post("/api/v1/communities", body), 400, "/malformed-request");
        assertThat(api.get("/api/v1/communities/code/U6").status()).isEqualTo(404);
    }

    @Test
    void a_body_without_a_content_type_is_415() {
        Api.Reply reply = api.send("POST", "/api/v1/communities",
                HttpRequest.BodyPublishers.ofString("{\"code\": \"U8\", \"name\": \"八\", \"street\": \"街\", \"lat\": 34, \"lon\": 113}"), null);

        assertProblem(reply, 415, "/unsupported-media-type");
    }

    @Test
    void dates_beyond_any_season_are_named_not_overflowed() {
        Api.Reply far = api.get("/api/v1/audit?from=" + java.net.URLEncoder.encode("+999999999-12-31T23:59:59+18:00", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(far.status()).as(far.toString()).isIn(400, 422);
        assertThat(far.errorFields()).containsExactly("from");

        Api.Reply early = api.post("/api/v1/plans", Map.of("firstDay", "-999999999-01-01", "days", 3));
        assertThat(early.status()).as(early.toString()).isIn(400, 422);
        assertThat(early.errorFields()).containsExactly("firstDay");

        Api.Reply machine = api.post("/api/v1/machines", Ledgers.with(Ledgers.Resource.MACHINES.body("U9"), "availableFrom", "+999999999-12-31T23:59:59+18:00"));
        assertThat(machine.status()).as(machine.toString()).isIn(400, 422);
        assertThat(machine.errorFields()).containsExactly("availableFrom");
    }

    @Test
    void a_lone_surrogate_is_400() {
        Api.Reply reply = api.anonymous().post("/api/v1/auth/sign-in", "{\"username\": \"test-admin\", \"password\": \"\\ud800\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("password");
    }

    @Test
    void a_client_that_accepts_only_problem_json_is_answered() {
        Api.Reply signIn = api.anonymous().post("/api/v1/auth/sign-in", Map.of("username", "test-admin", "password", "test admin passphrase"),
                "Accept", "application/problem+json");
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/communities", "Accept", "application/json, application/problem+json").status()).isEqualTo(200);
    }

    @Test
    void a_time_without_offset_is_refused() {
        Api.Reply reply = api.post("/api/v1/machines",
                Ledgers.with(Ledgers.Resource.MACHINES.body("U3"), "availableFrom", "2023-05-28T00:00:00"));

        assertProblem(reply, 400, "/malformed-request");
        assertThat(reply.errorFields()).containsExactly("availableFrom");
        assertThat(api.get("/api/v1/machines/code/U3").status()).isEqualTo(404);
    }

    @Test
    void a_wrong_content_type_is_415() {
        Api.Reply reply = api.send("POST", "/api/v1/communities", HttpRequest.BodyPublishers.ofString("code=U4"),
                "application/x-www-form-urlencoded");

        assertProblem(reply, 415, "/unsupported-media-type");
    }

    @Test
    void an_oversized_body_is_413() {
        Api.Reply reply = api.upload("/api/v1/ledgers/communities/import", Files.CSV, new byte[64 * 1024]);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void unknown_routes_and_methods_are_problems_too() {
        assertProblem(api.get("/api/v1/harvesters"), 404, "/not-found");
        assertThat(api.get("/api/v1/fields/abc").status()).isEqualTo(400);
        assertThat(api.send("PATCH", "/api/v1/fields", HttpRequest.BodyPublishers.noBody(), null).status()).isEqualTo(405);
    }

    @Test
    void a_malformed_if_match_is_named() {
        String location = api.post("/api/v1/communities", Ledgers.Resource.COMMUNITIES.body("U5")).header("Location");

        Api.Reply reply = api.put(location, Ledgers.Resource.COMMUNITIES.body("U5"), "If-Match", "yesterday");

        assertProblem(reply, 422, "/validation");
        assertThat(reply.errorFields()).containsExactly("If-Match");
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith(type);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("detail").asText()).isNotBlank();
    }
}
