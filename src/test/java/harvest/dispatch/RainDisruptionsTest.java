package harvest.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.planning.PlanPolling;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import harvest.testing.SettableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the demo district's first morning an operator is at work when a new forecast brings a shower over the end
 * of the job: the operator is alerted but the job stays where it is; the work not yet started under the shower
 * is flagged for a draft re-plan, and a later forecast does not alert anyone twice about it.
 */
@MicronautTest(transactional = false)
class RainDisruptionsTest extends DatabaseTest {
    @Inject
    Api api;
    @Inject
    SettableClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.sms.worker-enabled", "false", "harvest.dispatch.draft-interval", "1h");
    }

    @Test
    void a_shower_alerts_the_operator_at_work_and_flags_only_the_work_not_started() {
        clock.set(OffsetDateTime.parse("2023-05-27T19:00:00+08:00").toInstant());
        long plan = api.post("/api/v1/plans", Map.of("firstDay", "2023-05-28", "days", 12, "strategy", "GREEDY")).json().get("id").asLong();
        PlanPolling.awaitFinished(api, plan);
        assertThat(api.post("/api/v1/plans/" + plan + "/publish", "{}").status()).isEqualTo(200);
        JsonNode job = assignments(plan).filter(a -> a.get("start").asText().compareTo("2023-05-28T08:00") > 0).findFirst().orElseThrow();
        String community = api.get("/api/v1/fields/code/" + job.get("fieldCode").asText()).json().get("communityCode").asText();
        clock.set(OffsetDateTime.parse(job.get("start").asText()).toInstant());
        String chunk = job.get("chunkId").asText().replace("#", "%23");
        assertThat(api.post("/api/v1/plans/" + plan + "/assignments/" + chunk + "/status", Map.of("status", "IN_PROGRESS")).status())
                .isEqualTo(200);

        String showerHour = job.get("end").asText().substring(0, 13);
        assertThat(api.post("/api/v1/weather/forecasts", Files.wetterForecast("2023-05-28T05:00:00+08:00", Set.of(community),
                List.of(showerHour))).status()).isEqualTo(201);

        assertThat(alertsAbout(plan, job.get("chunkId").asText())).as("the operator at work is told").isEqualTo(1);
        JsonNode atWork = assignments(plan).filter(a -> a.get("chunkId").equals(job.get("chunkId"))).findFirst().orElseThrow();
        assertThat(atWork.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(atWork.get("needsReplan").asBoolean()).as("work in progress stays where it is").isFalse();
        List<JsonNode> flagged = assignments(plan).filter(a -> a.get("needsReplan").asBoolean()).toList();
        assertThat(flagged).isNotEmpty().allSatisfy(a -> assertThat(a.get("status").asText()).isIn("PLANNED", "NOTIFIED", "CONFIRMED"));
        JsonNode disruption = api.get("/api/v1/disruptions").json().at("/items/0");
        assertThat(disruption.get("kind").asText()).isEqualTo("RAIN");
        assertThat(disruption.get("subject").asText()).isEqualTo(community);
        assertThat(disruption.get("flagged").asInt()).isEqualTo(flagged.size());

        String laterHour = OffsetDateTime.parse(job.get("end").asText()).plusHours(10).toString().substring(0, 13);
        assertThat(api.post("/api/v1/weather/forecasts", Files.wetterForecast("2023-05-28T06:00:00+08:00", Set.of(community),
                List.of(showerHour, laterHour))).status()).isEqualTo(201);

        assertThat(flagged).allSatisfy(a -> assertThat(alertsAbout(plan, a.get("chunkId").asText())).as("alerted once").isEqualTo(1));
    }

    private Stream<JsonNode> assignments(long plan) {
        return StreamSupport.stream(api.get("/api/v1/plans/" + plan + "/assignments").json().spliterator(), false);
    }

    private long alertsAbout(long plan, String chunk) {
        Api.Reply texts = api.get("/api/v1/sms/messages?size=500&plan=" + plan + "&assignment=" + chunk.replace("#", "%23"));
        return StreamSupport.stream(texts.json().get("items").spliterator(), false)
                .filter(t -> t.get("kind").asText().equals("RAIN_ALERT")).count();
    }
}
