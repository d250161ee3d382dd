package harvest.weather;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo district's storm: its forecast loads, yields windows per community and day, and a wetter issue raises a change. */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeatherApiTest extends DatabaseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANGE = "from=2023-05-28&to=2023-06-08";

    @Inject
    Api api;

    @BeforeAll
    void loadTheDemoDistrict() {
        api.upload("/api/v1/ledgers/bundle", Files.ZIP, Files.zip(Files.demoDistrict()));
    }

    @Test
    @Order(1)
    void the_demo_forecast_loads_and_every_community_gets_its_first_windows() throws IOException {
        Api.Reply stored = api.post("/api/v1/weather/forecasts", new String(Files.demoForecast()));

        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        JsonNode forecast = stored.json().get("forecast");
        assertThat(forecast.get("communities").asInt()).isEqualTo(15);
        assertThat(forecast.get("hours").asInt()).isEqualTo(15 * 12 * 24);
        assertThat(forecast.get("issuedAt").asText()).isEqualTo("2023-05-27T18:00:00+08:00");
        assertThat(stored.json().get("changedCommunities")).hasSize(15);
        JsonNode change = api.get("/api/v1/weather/window-changes/" + stored.json().get("windowChangeId").asLong()).json();
        assertThat(change.at("/communities/0/changes/0/kind").asText()).isEqualTo("APPEARED");
    }

    @Test
    @Order(2)
    void windows_are_listed_per_community_with_a_reason_for_every_gap() {
        JsonNode all = api.get("/api/v1/weather/windows?" + RANGE).json();

        assertThat(all).hasSize(15);
        for (JsonNode community : all) {
            int windowHours = 0;
            int gapHours = 0;
            for (JsonNode window : community.get("windows")) {
                windowHours += window.get("hours").asInt();
                assertThat(window.get("start").asText()).endsWith("+08:00");
                assertThat(hourOf(window.get("start"))).isBetween(6, 21);
                assertThat(hourOf(window.get("end"))).isBetween(7, 22);
            }
            for (JsonNode gap : community.get("gaps")) {
                gapHours += gap.get("hours").asInt();
                assertThat(gap.get("reason").asText()).isIn("NIGHT", "WET", "DRY_OUT");
            }
            assertThat(community.get("workableHours").asInt()).isEqualTo(windowHours).isPositive();
            assertThat(windowHours + gapHours).isEqualTo(12 * 24);
        }
        assertThat(api.get("/api/v1/weather/windows?community=BL-01&" + RANGE).json()).hasSize(1);
    }

    @Test
    @Order(3)
    void the_district_summary_gives_workable_hours_per_community_per_day() {
        JsonNode summary = api.get("/api/v1/weather/workable-hours?" + RANGE).json();
        JsonNode windows = api.get("/api/v1/weather/windows?community=BL-01&" + RANGE).json().get(0);

        assertThat(summary.get("days")).hasSize(12);
        assertThat(summary.get("days").get(0).asText()).isEqualTo("2023-05-28");
        JsonNode bl01 = summary.get("communities").get(0);
        assertThat(bl01.get("communityCode").asText()).isEqualTo("BL-01");
        assertThat(bl01.get("hoursPerDay")).hasSize(12).allSatisfy(hours -> assertThat(hours.asInt()).isBetween(0, 16));
        assertThat(bl01.get("totalHours").asInt()).isEqualTo(windows.get("workableHours").asInt());
        assertThat(bl01.get("hoursPerDay").get(1).asInt()).as("May 29 was the storm's wettest day").isZero();
    }

    @Test
    @Order(4)
    void a_wetter_forecast_raises_a_change_naming_only_the_communities_whose_windows_changed() throws IOException {
        JsonNode before = api.get("/api/v1/weather/windows?community=XX-02&from=2023-06-04&to=2023-06-04").json().get(0);

        Api.Reply stored = api.post("/api/v1/weather/forecasts", Files.wetterForecast("2023-05-28T18:00:00+08:00", Set.of("BL-01", "XX-02"),
                List.of("2023-06-04T10", "2023-06-04T11", "2023-06-04T12")));

        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(stored.json().get("changedCommunities")).extracting(JsonNode::asText).containsExactly("BL-01", "XX-02");
        JsonNode event = api.get("/api/v1/weather/window-changes?community=XX-02").json().get("items").get(0);
        JsonNode xx02 = event.get("communities").get(1);
        assertThat(xx02.get("communityCode").asText()).isEqualTo("XX-02");
        assertThat(xx02.get("workableHoursAfter").asInt()).isLessThan(xx02.get("workableHoursBefore").asInt());
        assertThat(xx02.get("changes")).extracting(c -> c.get("kind").asText()).contains("SHRANK");
        JsonNode after = api.get("/api/v1/weather/windows?community=XX-02&from=2023-06-04&to=2023-06-04").json().get(0);
        assertThat(after.get("workableHours").asInt()).isLessThan(before.get("workableHours").asInt());
        assertThat(after.get("gaps").toString()).contains("\"reason\":\"WET\",\"rainMm\":9.0");
    }

    @Test
    @Order(5)
    void the_latest_issue_wins_hour_by_hour_and_the_earlier_one_is_kept() {
        JsonNode hours = api.get("/api/v1/weather/hourly?community=XX-02&from=2023-06-04T10:00:00%2B08:00&to=2023-06-04T13:00:00%2B08:00").json();
        JsonNode forecasts = api.get("/api/v1/weather/forecasts").json();

        assertThat(hours).hasSize(3).allSatisfy(h -> assertThat(h.get("precipitationMm").asDouble()).isEqualTo(3.0));
        assertThat(forecasts.get("totalItems").asInt()).isEqualTo(2);
        assertThat(forecasts.at("/items/0/id").asLong()).isEqualTo(hours.get(0).get("forecastId").asLong());
    }

    @Test
    @Order(6)
    void the_same_issue_is_not_stored_twice() {
        Api.Reply again = api.post("/api/v1/weather/forecasts", new String(Files.demoForecast()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/already-stored");
    }

    @Test
    @Order(7)
    void every_bad_entry_is_named_and_nothing_is_stored() throws IOException {
        ObjectNode bundle = (ObjectNode) JSON.readTree(Files.demoForecast());
        bundle.put("issuedAt", "2023-05-29T18:00:00+08:00");
        ArrayNode series = (ArrayNode) bundle.get("series");
        ArrayNode first = (ArrayNode) series.get(0).get("hourly");
        ((ObjectNode) first.get(1)).put("precipitationMm", -0.5);
        ((ObjectNode) first.get(2)).put("probabilityPct", 101);
        ((ObjectNode) first.get(3)).put("time", "2023-05-28T03:00:00");
        ((ObjectNode) first.get(5)).put("time", first.get(4).get("time").asText());
        ((ObjectNode) first.get(7)).put("time", "2023-05-28T01:00:00+08:00");
        ((ObjectNode) series.get(1)).put("communityCode", "ATLANTIS");
        ((ObjectNode) series.get(2)).put("communityCode", series.get(0).get("communityCode").asText());
        ((ObjectNode) first.get(9)).put("precipitationMm", 0.195);
        ((ArrayNode) series.get(3).get("hourly")).set(0, JSON.nullNode());
        series.add(JSON.nullNode());

        Api.Reply reply = api.post("/api/v1/weather/forecasts", JSON.writeValueAsString(bundle));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder(
                "series[0].hourly[1].precipitationMm", "series[0].hourly[2].probabilityPct", "series[0].hourly[3].time",
                "series[0].hourly[5].time", "series[0].hourly[7].time", "series[0].hourly[9].precipitationMm",
                "series[1].communityCode", "series[2].communityCode", "series[3].hourly[0]", "series[15]");
        assertThat(api.get("/api/v1/weather/forecasts").json().get("totalItems").asInt()).isEqualTo(2);
    }

    @Test
    @Order(8)
    void bad_ranges_and_communities_are_refused() {
        assertThat(api.get("/api/v1/weather/windows?from=2023-06-08&to=2023-05-28").errorFields()).containsExactly("to");
        assertThat(api.get("/api/v1/weather/windows?from=2023-05-01&to=2023-07-01").errorFields()).containsExactly("to");
        assertThat(api.get("/api/v1/weather/windows?from=yesterday&to=2023-05-28").errorFields()).containsExactly("from");
        assertThat(api.get("/api/v1/weather/windows?community=ATLANTIS&" + RANGE).errorFields()).containsExactly("community");
        assertThat(api.get("/api/v1/weather/windows?to=2023-05-28").status()).isEqualTo(400);
    }

    /** The demo forecast re-issued with three hours of 3 mm rain on 4 June, 10:00-13:00, in the given communities. */
    private static int hourOf(JsonNode time) {
        return Integer.parseInt(time.asText().substring(11, 13));
    }
}
