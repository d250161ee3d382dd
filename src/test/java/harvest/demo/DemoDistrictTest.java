package harvest.demo;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code HARVEST_DEMO=true ./mvnw mn:run} gives a new user. */
@MicronautTest
class DemoDistrictTest extends DatabaseTest {
    @Inject
    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true");
    }

    @Test
    void the_service_starts_with_the_demo_districts_ledgers_and_forecast() {
        assertThat(api.get("/api/v1/fields?size=1").json().get("totalItems").asInt()).isEqualTo(667);
        assertThat(api.get("/api/v1/machines?size=1").json().get("totalItems").asInt()).isEqualTo(50);
        assertThat(api.get("/api/v1/weather/forecasts").json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/fields?community=BL-01&status=REGISTERED&size=1").json().get("totalItems").asInt()).isEqualTo(42);
    }
}
