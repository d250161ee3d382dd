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
}
