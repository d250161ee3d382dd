package harvest.sms.texts;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.planning.PlanPolling;
import harvest.sms.twilio.SmsWorker;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishing the demo district's plan texts every operator, farmer and team leader, in the sandbox. */
@MicronautTest(transactional = false)
class PlanTextsTest extends DatabaseTest {
    @Inject
    Api api;
    @Inject
    SmsWorker worker;
    @Inject
    DryingIntakeTexts dryingIntake;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.sms.worker-enabled", "false", "harvest.sms.rate-per-second", "100000",
                "harvest.sms.batch-size", "1000", "harvest.sms.quiet-start", "00:00", "harvest.sms.quiet-end", "00:00",
                "harvest.sms.daily-cap", "1000");
    }

    @Test
    void publishing_a_plan_queues_one_itinerary_per_operator_one_notice_per_farmer_and_one_task_list_per_team() {
        long plan = api.post("/api/v1/plans", """
                {"firstDay": "2023-05-28", "days": 12, "strategy": "GREEDY"}""").json().get("id").asLong();
        awaitSolved(plan);
        JsonNode assignments = api.get("/api/v1/plans/" + plan + "/assignments").json();
        Set<String> machines = new HashSet<>();
        Set<String> teams = new HashSet<>();
        assignments.forEach(a -> {
            machines.add(a.get("machineCode").asText());
            if (a.has("teamCode")) {
                teams.add(a.get("teamCode").asText());
            }
        });
        assertThat(api.get("/api/v1/sms/messages?plan=" + plan).json().get("totalItems").asInt()).as("nothing before publishing").isZero();

        api.post("/api/v1/plans/" + plan + "/publish", "{}");

        JsonNode texts = api.get("/api/v1/sms/messages?size=500&plan=" + plan).json();
        Map<String, Integer> byKind = new java.util.TreeMap<>();
        texts.get("items").forEach(t -> byKind.merge(t.get("kind").asText(), 1, Integer::sum));
        assertThat(byKind.get("ITINERARY")).isEqualTo(machines.size());
        assertThat(byKind.get("TEAM_TASK")).isEqualTo(teams.size());
        assertThat(byKind.get("FIELD_NOTICE")).isPositive();
        assertThat(texts.get("items")).allSatisfy(t -> {
            assertThat(t.get("status").asText()).isEqualTo("QUEUED");
            assertThat(t.get("encoding").asText()).isEqualTo("UCS-2");
            assertThat(t.get("segments").asInt()).isBetween(1, 6);
            assertThat(t.get("body").asText()).startsWith("【三夏调度】");
        });
        JsonNode itinerary = api.get("/api/v1/sms/messages?size=500&plan=" + plan).json().get("items").findValues("body").stream()
                .filter(b -> b.asText().contains("作业")).findFirst().orElseThrow();
        assertThat(itinerary.asText()).contains("急救点").contains("亩").contains("回复1确认");
        String chunk = assignments.get(0).get("chunkId").asText();
        JsonNode about = api.get("/api/v1/sms/messages?plan=" + plan + "&assignment=" + chunk.replace("#", "%23")).json();
        assertThat(about.get("items")).extracting(t -> t.get("kind").asText()).contains("ITINERARY", "FIELD_NOTICE");

        while (worker.drain() > 0) {
            // the sandbox takes everything at once
        }

        assertThat(api.get("/api/v1/sms/messages?status=SIMULATED&plan=" + plan).json().get("totalItems").asInt())
                .isEqualTo(texts.get("totalItems").asInt());
        JsonNode one = api.get("/api/v1/sms/messages/" + texts.at("/items/0/id").asLong()).json();
        assertThat(one.get("sid").asText()).startsWith("SIMULATED-");
        assertThat(one.get("attempts").asInt()).isEqualTo(1);

        String day = java.util.stream.StreamSupport.stream(assignments.spliterator(), false).filter(a -> a.has("dryingSiteCode"))
                .map(a -> a.get("end").asText().substring(0, 10)).findFirst().orElseThrow();
        int sites = dryingIntake.queueFor(java.time.LocalDate.parse(day));
        JsonNode intake = api.get("/api/v1/sms/messages?size=500&plan=" + plan + "&status=QUEUED").json().get("items");
        assertThat(sites).isPositive();
        assertThat(intake).filteredOn(t -> t.get("kind").asText().equals("DRYING_INTAKE")).hasSize(sites)
                .allSatisfy(t -> assertThat(t.get("body").asText()).contains("日预计收粮").containsPattern("\\d\\d:00-\\d\\d:00 [\\d.]+吨"));
    }

    @Test
    void a_published_revision_texts_only_the_people_whose_work_changed() {
        long plan = api.post("/api/v1/plans", """
                {"firstDay": "2023-05-28", "days": 12, "strategy": "PLANNER", "timeLimitSeconds": 3}""").json().get("id").asLong();
        awaitSolved(plan);
        api.post("/api/v1/plans/" + plan + "/publish", "{}");
        api.post("/api/v1/weather/forecasts", Files.wetterForecast("2023-05-29T06:00:00+08:00", Set.of("BL-01", "BL-02", "YC-01"),
                List.of("2023-06-01", "2023-06-02")));
        JsonNode alerts = api.get("/api/v1/sms/messages?size=500&plan=" + plan).json().get("items");
        assertThat(alerts).filteredOn(t -> t.get("kind").asText().equals("RAIN_ALERT")).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("urgent").asBoolean()).isTrue();
            assertThat(t.get("body").asText()).startsWith("【三夏调度】降雨预警");
        });
        long revision = api.post("/api/v1/plans/" + plan + "/replan", """
                {"timeLimitSeconds": 3}""").json().get("id").asLong();
        awaitSolved(revision);
        JsonNode diff = api.get("/api/v1/plans/" + revision).json().at("/outcome/diff");
        Set<String> operators = new HashSet<>();
        List.of("added", "moved", "rescheduled", "cancelled").forEach(kind -> diff.get(kind).forEach(change -> {
            if (change.has("toMachine")) {
                operators.add(change.get("toMachine").asText());
            }
            if (change.has("fromMachine") && !change.path("toMachine").asText().equals(change.get("fromMachine").asText())) {
                operators.add(change.get("fromMachine").asText());
            }
        }));

        api.post("/api/v1/plans/" + revision + "/publish", "{}");

        JsonNode texts = api.get("/api/v1/sms/messages?size=500&plan=" + revision).json().get("items");
        assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(t.get("kind").asText()).isEqualTo("PLAN_CHANGE"));
        assertThat(texts).filteredOn(t -> t.get("recipientRole").asText().equals("OPERATOR")).hasSize(operators.size());
        assertThat(texts).allSatisfy(t -> assertThat(t.get("body").asText()).containsAnyOf("改为", "取消", "暂停", "机号"));
    }

    @Test
    void a_broadcast_is_previewed_with_its_cost_then_queued_once_per_number() {
        String body = """
                {"audience": "COMMUNITY", "community": "BL-02", "body": "今晚20点起有大雨，已割的麦子请今天送到晒场或烘干点。", "urgent": true}""";
        JsonNode preview = api.post("/api/v1/sms/broadcasts/preview", body).json();
        int farmers = api.get("/api/v1/farmers?community=BL-02&size=1").json().get("totalItems").asInt();
        assertThat(preview.get("recipients").asInt()).isPositive().isLessThanOrEqualTo(farmers);
        assertThat(preview.get("encoding").asText()).isEqualTo("UCS-2");
        assertThat(preview.get("totalSegments").asInt()).isEqualTo(preview.get("recipients").asInt() * preview.get("segmentsPerText").asInt());
        assertThat(preview.get("estimatedCost").decimalValue())
                .isEqualByComparingTo(new java.math.BigDecimal("0.0510").multiply(java.math.BigDecimal.valueOf(preview.get("totalSegments").asInt())));
        assertThat(preview.get("queued").asInt()).isZero();

        Api.Reply sent = api.post("/api/v1/sms/broadcasts", body);

        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.json().get("queued").asInt()).isEqualTo(preview.get("recipients").asInt());
        JsonNode queued = api.get("/api/v1/sms/messages?size=500&status=QUEUED").json().get("items");
        assertThat(queued).filteredOn(t -> t.get("kind").asText().equals("BROADCAST")).hasSize(preview.get("recipients").asInt())
                .allSatisfy(t -> assertThat(t.get("urgent").asBoolean()).isTrue());

        assertThat(api.post("/api/v1/sms/broadcasts/preview", """
                {"audience": "COMMUNITY", "body": "hi"}""").errorFields()).containsExactly("community");
        assertThat(api.post("/api/v1/sms/broadcasts/preview", """
                {"audience": "COMMUNITY", "community": "NOPE", "body": "hi"}""").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/sms/broadcasts", """
                {"audience": "OPERATORS", "body": "%s"}""".formatted("雨".repeat(500))).errorFields()).containsExactly("body");
    }

    private void awaitSolved(long plan) {
        assertThat(PlanPolling.awaitFinished(api, plan).get("state").asText()).isEqualTo("SOLVED");
    }
}
