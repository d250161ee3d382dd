package harvest.system;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class OperationsTest extends DatabaseTest {
    @Inject
    Api api;

    @Test
    void health_reports_the_database() {
        Api.Reply health = api.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/details/jdbc/status").asText()).isEqualTo("UP");
    }

    @Test
    void liveness_answers_without_the_database_and_readiness_asks_it() {
        Api.Reply liveness = api.get("/health/liveness");
        Api.Reply readiness = api.get("/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
        assertThat(liveness.json().at("/details/jdbc").isMissingNode()).isTrue();
        assertThat(readiness.json().at("/details/jdbc/status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheus_shows_the_outbox_the_planner_imports_and_requests_by_route_to_admins_only() {
        api.get("/api/v1/fields");

        Api.Reply scrape = api.get("/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.text()).contains("harvest_sms_outbox{status=\"QUEUED\"}", "harvest_plans_active{state=\"solving\"}",
                "http_server_requests_seconds_count{", "uri=\"/api/v1/fields\"");
        assertThat(api.anonymous().get("/prometheus").status()).isEqualTo(401);
        assertThat(api.staff("DISPATCHER").get("/prometheus").status()).isEqualTo(403);
    }
}
