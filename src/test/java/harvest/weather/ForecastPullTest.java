package harvest.weather;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.FakeWeatherProvider;
import harvest.testing.FakeWeatherProvider.Garbage;
import harvest.testing.FakeWeatherProvider.Recorded;
import harvest.testing.FakeWeatherProvider.Silence;
import harvest.testing.FakeWeatherProvider.Status;
import harvest.testing.Ledgers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Open-Meteo client, real HTTP and all, against a local fake provider answering in the provider's format. */
@MicronautTest
class ForecastPullTest extends DatabaseTest {
    private static final String RECORDED = "/open-meteo/two-locations.json";

    private final FakeWeatherProvider provider = new FakeWeatherProvider();

    @Inject
    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "micronaut.http.services.open-meteo.url", provider.url(),
                "micronaut.http.services.open-meteo.read-timeout", "500ms",
                "harvest.weather.pull.attempts", "3",
                "harvest.weather.pull.backoff", "10ms",
                "harvest.weather.pull.forecast-days", "2");
    }

    @BeforeAll
    void twoCommunities() {
        api.post("/api/v1/communities", Ledgers.with(Ledgers.Resource.COMMUNITIES.body("PULL-A"), "lat", 34.05));
        api.post("/api/v1/communities", Ledgers.with(Ledgers.Resource.COMMUNITIES.body("PULL-B"), "lat", 34.0));
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    @Test
    void a_pull_asks_for_every_community_in_one_batch_and_stores_the_answer() {
        provider.script(new Recorded(RECORDED));

        JsonNode outcome = api.post("/api/v1/weather/pulls", "").json();

        assertThat(outcome.get("succeeded").asBoolean()).as(outcome.toString()).isTrue();
        assertThat(provider.queries()).singleElement().satisfies(query -> assertThat(query)
                .contains("latitude=34.05,34.0").contains("precipitation,precipitation_probability")
                .contains("timeformat=unixtime").contains("forecast_days=2"));
        JsonNode forecast = api.get("/api/v1/weather/forecasts/" + outcome.get("forecastId").asLong()).json();
        assertThat(forecast.get("channel").asText()).isEqualTo("PULL");
        assertThat(forecast.get("communities").asInt()).isEqualTo(2);
        assertThat(forecast.get("hours").asInt()).isEqualTo(48 + 47);
        JsonNode windows = api.get("/api/v1/weather/windows?community=PULL-A&from=2023-05-28&to=2023-05-28").json().get(0);
        assertThat(windows.get("gaps").toString()).contains("\"reason\":\"WET\",\"rainMm\":7.2");
    }

    @Test
    void server_errors_timeouts_and_malformed_answers_are_retried() {
        provider.script(new Status(503), new Silence(), new Recorded(RECORDED));
        assertThat(api.post("/api/v1/weather/pulls", "").json().get("succeeded").asBoolean()).isTrue();
        assertThat(provider.queries()).hasSize(3);

        provider.script(new Garbage(), new Status(429), new Recorded(RECORDED));
        assertThat(api.post("/api/v1/weather/pulls", "").json().get("succeeded").asBoolean()).isTrue();
        assertThat(provider.queries()).hasSize(3);
    }

    @Test
    void a_pull_that_keeps_failing_keeps_the_last_good_forecast_and_shows_in_health_and_metrics() {
        provider.script(new Recorded(RECORDED));
        long good = api.post("/api/v1/weather/pulls", "").json().get("forecastId").asLong();
        long forecastsBefore = api.get("/api/v1/weather/forecasts").json().get("totalItems").asLong();
        provider.script(new Status(502), new Status(502), new Status(502));

        JsonNode failed = api.post("/api/v1/weather/pulls", "").json();

        assertThat(failed.get("succeeded").asBoolean()).isFalse();
        assertThat(failed.get("error").asText()).contains("502");
        assertThat(provider.queries()).hasSize(3);
        assertThat(api.get("/api/v1/weather/forecasts").json().get("totalItems").asLong()).isEqualTo(forecastsBefore);
        assertThat(api.get("/api/v1/weather/hourly?community=PULL-A&from=2023-05-28&to=2023-05-28").json().get(0)
                .get("forecastId").asLong()).isEqualTo(good);
        Api.Reply health = api.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/details/weatherPull/status").asText()).isEqualTo("DEGRADED");
        assertThat(api.get("/metrics/harvest.weather.pulls?tag=outcome:failure").json()
                .at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_request_the_provider_refuses_is_not_retried() {
        provider.script(new Status(400));

        assertThat(api.post("/api/v1/weather/pulls", "").json().get("succeeded").asBoolean()).isFalse();
        assertThat(provider.queries()).hasSize(1);
    }
}
