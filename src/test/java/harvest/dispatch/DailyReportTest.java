package harvest.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.planning.PlanPolling;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Ledgers;
import harvest.testing.SettableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * One 10-mu field under a dry sky, ripe on 28 May at 06:00 (500 kg/mu): half of it is harvested a day later, the
 * rest two days later, and its grain waits for a drying site. The report's figures are worked out by hand from
 * planning rule 7: standing ripe wheat loses 0.5 % a dry day, grain waiting loses 1.5 % a day after 24 hours.
 */
@MicronautTest(transactional = false)
class DailyReportTest extends DatabaseTest {
    private static final String FIELD = "F-ONE";

    @Inject
    Api api;
    @Inject
    SettableClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.sms.worker-enabled", "false", "harvest.dispatch.draft-interval", "1h");
    }

    @BeforeAll
    void aFieldHarvestedInTwoHalves() {
        Ledgers.createBaseRows(api);
        assertThat(api.post("/api/v1/fields", Map.of("code", FIELD, "farmerCode", Ledgers.BASE_FARMER, "communityCode", Ledgers.BASE_COMMUNITY,
                "name", "一号地", "crop", "WHEAT", "areaMu", 10, "lat", 34.05, "lon", 113.85, "ripeFrom", "2023-05-28T06:00:00+08:00",
                "expectedYieldKgPerMu", 500)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/machines", Ledgers.Resource.MACHINES.body("M1")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/drying-sites", Ledgers.Resource.DRYING_SITES.body("D1")).status()).isEqualTo(201);
        List<Map<String, Object>> hours = new ArrayList<>();
        for (OffsetDateTime hour = OffsetDateTime.parse("2023-05-27T00:00:00+08:00"); hour.isBefore(OffsetDateTime.parse("2023-06-03T00:00:00+08:00"));
             hour = hour.plusHours(1)) {
            hours.add(Map.of("time", hour.toString(), "precipitationMm", 0.0, "probabilityPct", 0));
        }
        assertThat(api.post("/api/v1/weather/forecasts", Map.of("source", "test", "issuedAt", "2023-05-27T18:00:00+08:00",
                "series", List.of(Map.of("communityCode", Ledgers.BASE_COMMUNITY, "hourly", hours)))).status()).isEqualTo(201);

        at("2023-05-27T20:00:00+08:00");
        long plan = api.post("/api/v1/plans", Map.of("firstDay", "2023-05-28", "days", 5, "strategy", "GREEDY")).json().get("id").asLong();
        PlanPolling.awaitFinished(api, plan);
        assertThat(api.post("/api/v1/plans/" + plan + "/publish", "{}").status()).isEqualTo(200);
        String job = "/api/v1/plans/" + plan + "/assignments/" + FIELD;
        at("2023-05-29T06:00:00+08:00");
        assertThat(api.post(job + "/status", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(200);
        assertThat(api.post(job + "/progress", Map.of("doneMu", 5)).status()).isEqualTo(200);
        at("2023-05-30T06:00:00+08:00");
        assertThat(api.post(job + "/finish", Map.of("actualMu", 10, "tonnes", 5)).status()).isEqualTo(200);
        at("2023-06-01T08:00:00+08:00");
    }

    private JsonNode district(String day) {
        return api.get("/api/v1/reports/daily/" + day).json().get("district");
    }

    @Test
    void the_day_half_of_it_was_harvested() {
        JsonNode day = district("2023-05-29");

        assertThat(day.get("harvestedTodayMu").asDouble()).isEqualTo(5.0);
        assertThat(day.get("harvestedToDateMu").asDouble()).isEqualTo(5.0);
        assertThat(day.get("percentComplete").asDouble()).isEqualTo(50.0);
        assertThat(day.get("ripeRemainingMu").asDouble()).isEqualTo(5.0);
        assertThat(day.get("fieldsAtRisk").asInt()).as("its rest is on a combine, and no rain comes").isZero();
        assertThat(day.get("machinesWorking").asInt()).isEqualTo(1);
        assertThat(day.get("machinesIdle").asInt()).isZero();
        assertThat(day.get("machinesBorrowed").asInt()).isEqualTo(1);
        assertThat(day.get("dryingCapacityTonnes").asDouble()).isEqualTo(73.0);
        // the whole field stood a dry day (0.5 %), and half of it stands on until midnight (18 hours more)
        assertThat(day.get("expectedLossKg").asDouble()).isCloseTo(5000 * (0.005 + 0.5 * 0.005 * 18 / 24), offset(0.01));
    }

    @Test
    void the_day_it_was_finished_and_the_next_while_its_grain_waits() {
        JsonNode finished = district("2023-05-30");
        JsonNode waiting = district("2023-05-31");

        assertThat(finished.get("harvestedTodayMu").asDouble()).isEqualTo(5.0);
        assertThat(finished.get("percentComplete").asDouble()).isEqualTo(100.0);
        assertThat(finished.get("ripeRemainingMu").asDouble()).isZero();
        assertThat(finished.get("tonnesWaiting").asDouble()).isEqualTo(5.0);
        assertThat(finished.get("machinesWorking").asInt()).as("it reported the field done that morning").isEqualTo(1);
        assertThat(finished.get("expectedLossKg").asDouble()).as("waiting under 24 hours loses nothing")
                .isCloseTo(5000 * (0.005 + 0.5 * 0.005), offset(0.01));
        assertThat(waiting.get("harvestedTodayMu").asDouble()).isZero();
        assertThat(waiting.get("machinesIdle").asInt()).isEqualTo(1);
        // 42 hours waiting by midnight: 18 beyond the grace, at 1.5 % a day
        assertThat(waiting.get("expectedLossKg").asDouble()).isCloseTo(5000 * (0.0075 + 0.015 * 18 / 24), offset(0.01));
    }

    @Test
    void a_field_line_says_the_same() {
        JsonNode line = api.get("/api/v1/reports/daily/2023-05-31/fields").json().get(0);

        assertThat(line.get("fieldCode").asText()).isEqualTo(FIELD);
        assertThat(line.get("tonnesHarvested").asDouble()).isEqualTo(5.0);
        assertThat(line.get("tonnesWaiting").asDouble()).isEqualTo(5.0);
        assertThat(line.get("expectedLossKg").asDouble()).isEqualTo(district("2023-05-31").get("expectedLossKg").asDouble());
    }

    private void at(String time) {
        clock.set(OffsetDateTime.parse(time).toInstant());
    }
}
