package harvest.sms.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.dispatch.DraftReplans;
import harvest.planning.PlanPolling;
import harvest.sms.twilio.SmsWorker;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.FakeTwilio;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio's webhooks over HTTP, signed as Twilio signs them, on the demo district with a published plan: replies
 * change what they should, once; status callbacks never move a text back.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepliesTest extends DatabaseTest {
    private static final FakeTwilio TWILIO = new FakeTwilio();
    private static final String PUBLIC = "https://harvest.example.org";
    private static final String INBOUND = "/api/v1/sms/twilio/inbound";

    @Inject
    Api api;
    @Inject
    SmsWorker worker;
    @Inject
    DraftReplans drafts;

    private long plan;
    private JsonNode firstJob;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.ofEntries(Map.entry("harvest.demo", "true"), Map.entry("harvest.sms.worker-enabled", "false"),
                Map.entry("harvest.sms.rate-per-second", "100000"), Map.entry("harvest.sms.batch-size", "1000"),
                Map.entry("harvest.sms.quiet-start", "00:00"), Map.entry("harvest.sms.quiet-end", "00:00"),
                Map.entry("harvest.sms.twilio.account-sid", FakeTwilio.ACCOUNT), Map.entry("harvest.sms.twilio.auth-token", FakeTwilio.TOKEN),
                Map.entry("harvest.sms.twilio.from", "+15005550006"), Map.entry("harvest.sms.twilio.api-base-url", TWILIO.baseUrl()),
                Map.entry("harvest.sms.twilio.webhook-base-url", PUBLIC), Map.entry("harvest.dispatch.draft-interval", "1h"));
    }

    @BeforeAll
    void publishAPlan() {
        plan = api.post("/api/v1/plans", """
                {"firstDay": "2023-05-28", "days": 12, "strategy": "GREEDY"}""").json().get("id").asLong();
        PlanPolling.awaitFinished(api, plan);
        api.post("/api/v1/plans/" + plan + "/publish", "{}");
        firstJob = api.get("/api/v1/plans/" + plan + "/assignments?machine=M0001").json().get(0);
    }

    @AfterAll
    void stopTwilio() {
        TWILIO.close();
    }

    private Api.Reply post(String path, Map<String, String> form, String signedUrl) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return api.send("POST", path, HttpRequest.BodyPublishers.ofString(body), "application/x-www-form-urlencoded",
                signedUrl == null ? new String[0] : new String[] {"X-Twilio-Signature", FakeTwilio.sign(signedUrl, form)});
    }

    private Api.Reply text(String from, String body) {
        return text(UUID.randomUUID().toString(), from, body);
    }

    private Api.Reply text(String sid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("MessageSid", sid, "From", from, "Body", body,
                "AccountSid", FakeTwilio.ACCOUNT, "To", "+15005550006"));
        return post(INBOUND, form, PUBLIC + INBOUND);
    }

    private String operatorPhone(String machine) {
        return api.get("/api/v1/machines/code/" + machine).json().get("operatorPhone").asText();
    }

    private JsonNode latestInbound() {
        return api.get("/api/v1/sms/inbound?size=1").json().at("/items/0");
    }

    @Test
    @Order(1)
    void only_texts_signed_over_the_public_url_are_taken() {
        Map<String, String> form = Map.of("MessageSid", "SM-sig", "From", "+8613900009999", "Body", "HELP");

        assertThat(post(INBOUND, form, null).status()).as("missing").isEqualTo(403);
        assertThat(post(INBOUND, Map.of("MessageSid", "SM-sig", "From", "+8613900009999", "Body", "STOP"), null).status()).isEqualTo(403);
        Api.Reply forged = api.send("POST", INBOUND, HttpRequest.BodyPublishers.ofString("MessageSid=SM-sig&From=%2B8613900009999&Body=STOP"),
                "application/x-www-form-urlencoded", "X-Twilio-Signature", FakeTwilio.sign(PUBLIC + INBOUND, form));
        assertThat(forged.status()).as("signed for another body").isEqualTo(403);
        assertThat(forged.json().get("type").asText()).endsWith("/bad-signature");
        for (String webhook : List.of(INBOUND, "/api/v1/sms/twilio/status")) {
            Api.Reply malformed = api.send("POST", webhook, HttpRequest.BodyPublishers.ofString("From=%ZZ&Body=%"),
                    "application/x-www-form-urlencoded", "X-Twilio-Signature", "anything");
            assertThat(malformed.status()).as(webhook + " " + malformed).isEqualTo(400);
            assertThat(malformed.json().get("type").asText()).endsWith("/malformed-request");
        }
        String internal = "http://localhost" + INBOUND;
        assertThat(post(INBOUND, form, internal).status()).as("signed over the URL behind the proxy").isEqualTo(403);
        assertThat(api.get("/api/v1/sms/inbound").json().get("totalItems").asInt()).isZero();

        Api.Reply taken = post(INBOUND, form, PUBLIC + INBOUND);
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.text()).contains("<Response>");
        assertThat(latestInbound().get("intent").asText()).isEqualTo("HELP");
    }

    @Test
    @Order(2)
    void an_operators_full_width_one_confirms_their_next_day_once_even_if_twilio_posts_it_twice() {
        String phone = operatorPhone("M0001");

        assertThat(text("SM-confirm", phone, "１").status()).isEqualTo(200);
        assertThat(text("SM-confirm", phone, "１").status()).as("replayed").isEqualTo(200);

        JsonNode jobs = api.get("/api/v1/plans/" + plan + "/assignments?machine=M0001").json();
        String firstDay = firstJob.get("start").asText().substring(0, 10);
        jobs.forEach(job -> assertThat(job.get("status").asText())
                .isEqualTo(job.get("start").asText().startsWith(firstDay) ? "CONFIRMED" : "PLANNED"));
        JsonNode inbound = api.get("/api/v1/sms/inbound").json();
        assertThat(inbound.get("items").findValues("sid").stream().filter(s -> s.asText().equals("SM-confirm")).count()).isEqualTo(1);
        assertThat(latestInbound().get("intent").asText()).isEqualTo("CONFIRM");
        assertThat(latestInbound().get("needsAttention").asBoolean()).isFalse();
    }

    @Test
    @Order(3)
    void done_completes_the_operators_current_job() {
        text(operatorPhone("M0001"), "完成");

        JsonNode job = api.get("/api/v1/plans/" + plan + "/assignments?machine=M0001").json().get(0);
        assertThat(job.get("status").asText()).isEqualTo("DONE");
        assertThat(latestInbound().get("action").asText()).isEqualTo(job.get("chunkId").asText() + " done on M0001");
    }

    @Test
    @Order(4)
    void stop_and_start_switch_a_farmers_texts_off_and_on() {
        JsonNode farmer = api.get("/api/v1/farmers?size=1").json().at("/items/0");
        String phone = farmer.get("phone").asText();

        text(phone, "退订");
        assertThat(api.get("/api/v1/farmers/" + farmer.get("id").asLong()).json().has("smsOptedOutAt")).isTrue();
        text(phone, "start");
        assertThat(api.get("/api/v1/farmers/" + farmer.get("id").asLong()).json().has("smsOptedOutAt")).isFalse();
    }

    @Test
    @Order(5)
    void a_farmer_saying_not_ready_puts_off_their_waiting_fields_and_flags_the_work_on_them() {
        JsonNode job = api.get("/api/v1/plans/" + plan + "/assignments?machine=M0003").json().get(3);
        JsonNode field = api.get("/api/v1/fields/code/" + job.get("fieldCode").asText()).json();
        String phone = api.get("/api/v1/farmers/code/" + field.get("farmerCode").asText()).json().get("phone").asText();

        text(phone, "2 麦子还没熟");

        assertThat(latestInbound().get("intent").asText()).isEqualTo("RESCHEDULE");
        assertThat(latestInbound().get("needsAttention").asBoolean()).isTrue();
        assertThat(latestInbound().get("action").asText()).contains(field.get("code").asText());
        JsonNode after = api.get("/api/v1/fields/code/" + field.get("code").asText()).json();
        assertThat(OffsetDateTime.parse(after.get("ripeFrom").asText())).isAfter(OffsetDateTime.parse(field.get("ripeFrom").asText()));
        assertThat(api.get("/api/v1/plans/" + plan + "/assignments?field=" + field.get("code").asText()).json())
                .allSatisfy(a -> assertThat(a.get("needsReplan").asBoolean()).isTrue());
        assertThat(api.get("/api/v1/disruptions").json().get("items")).anySatisfy(d -> {
            assertThat(d.get("kind").asText()).isEqualTo("NOT_READY");
            assertThat(d.get("subject").asText()).isEqualTo(field.get("code").asText());
            assertThat(d.get("actor").asText()).isEqualTo("farmer " + field.get("farmerCode").asText() + " by SMS");
        });
    }

    @Test
    @Order(6)
    void a_breakdown_takes_the_combine_out_and_flags_its_pending_work_for_the_dispatcher() {
        text(operatorPhone("M0002"), "坏了，割台卡住");

        assertThat(latestInbound().get("intent").asText()).isEqualTo("BREAKDOWN");
        assertThat(latestInbound().get("needsAttention").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/plans/" + plan + "/assignments?machine=M0002").json())
                .allSatisfy(job -> assertThat(job.get("needsReplan").asBoolean()).isTrue());
        JsonNode revision = api.post("/api/v1/plans/" + plan + "/replan", """
                {"timeLimitSeconds": 1, "strategy": "GREEDY"}""").json();
        long revised = revision.get("id").asLong();
        assertThat(PlanPolling.awaitFinished(api, revised).get("state").asText()).isEqualTo("SOLVED");
        assertThat(api.get("/api/v1/plans/" + revised + "/assignments?machine=M0002").json()).isEmpty();
        assertThat(drafts.draft()).as("today is long after the demo season").isEmpty();
        assertThat(api.get("/api/v1/disruptions").json().at("/items/0/draftProblem").asText())
                .isEqualTo("the published plan's horizon ended on 2023-06-08; ask for a new plan");
        assertThat(api.delete("/api/v1/machines/" + api.get("/api/v1/machines/code/M0002").json().get("id").asLong() + "/breakdown")
                .json().has("repairedAt")).isTrue();
    }

    @Test
    @Order(7)
    void anything_else_gets_the_help_text_and_goes_to_the_dispatcher() {
        String phone = "+8613900008888";
        text(phone, "明天下雨吗？");

        assertThat(latestInbound().get("intent").asText()).isEqualTo("UNKNOWN");
        assertThat(latestInbound().get("needsAttention").asBoolean()).isTrue();
        JsonNode reply = api.get("/api/v1/sms/messages?phone=%2B8613900008888").json().at("/items/0");
        assertThat(reply.get("kind").asText()).isEqualTo("HELP_REPLY");
        assertThat(reply.get("body").asText()).contains("1确认");
        assertThat(api.get("/api/v1/sms/inbound?needsAttention=true").json().get("totalItems").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(8)
    void a_late_status_callback_never_moves_a_text_back() {
        String phone = "+8613900008888";
        worker.drain();
        String sid = api.get("/api/v1/sms/messages?phone=%2B8613900008888").json().at("/items/0/sid").asText();
        assertThat(sid).startsWith("SM");
        String status = "/api/v1/sms/twilio/status";

        assertThat(post(status, Map.of("MessageSid", sid, "MessageStatus", "delivered"), PUBLIC + status).status()).isEqualTo(204);
        assertThat(post(status, Map.of("MessageSid", sid, "MessageStatus", "sent"), PUBLIC + status).status()).isEqualTo(204);
        assertThat(post(status, Map.of("MessageSid", sid, "MessageStatus", "sent"), null).status()).isEqualTo(403);

        JsonNode text = api.get("/api/v1/sms/messages?phone=%2B8613900008888").json().at("/items/0");
        assertThat(text.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(TWILIO.created()).anySatisfy(m -> {
            assertThat(m.get("To")).isEqualTo(phone);
            assertThat(m.get("StatusCallback")).isEqualTo(PUBLIC + status);
        });
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
