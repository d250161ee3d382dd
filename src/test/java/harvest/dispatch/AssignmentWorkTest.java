package harvest.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.planning.PlanPolling;
import harvest.sms.twilio.SmsWorker;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.SettableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * An operator's day on the demo district's published plan, through the API: told, confirmed, started, progress,
 * finished; what may not happen is refused and leaves nothing behind; a breakdown fails the work in progress,
 * flags the rest and gets a draft re-plan that waits for the dispatcher.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssignmentWorkTest extends DatabaseTest {
    private static final String MACHINE = "M0005";

    @Inject
    Api api;
    @Inject
    SmsWorker worker;
    @Inject
    DraftReplans drafts;
    @Inject
    SettableClock clock;

    private long plan;
    private List<JsonNode> itinerary;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.sms.worker-enabled", "false", "harvest.sms.quiet-start", "00:00",
                "harvest.sms.quiet-end", "00:00", "harvest.sms.rate-per-second", "100000", "harvest.sms.batch-size", "1000",
                "harvest.dispatch.draft-interval", "1h");
    }

    @BeforeAll
    void publishAPlan() {
        clock.set(OffsetDateTime.parse("2023-05-28T06:00:00+08:00").toInstant());
        plan = api.post("/api/v1/plans", """
                {"firstDay": "2023-05-28", "days": 12, "strategy": "GREEDY"}""").json().get("id").asLong();
        PlanPolling.awaitFinished(api, plan);
        api.post("/api/v1/plans/" + plan + "/publish", "{}");
        JsonNode all = api.get("/api/v1/plans/" + plan + "/assignments?machine=" + MACHINE).json();
        String firstDay = all.get(0).get("start").asText().substring(0, 10);
        itinerary = StreamSupport.stream(all.spliterator(), false)
                .filter(a -> !a.get("chunkId").asText().contains("#") && a.get("start").asText().startsWith(firstDay)).toList();
    }

    private Api.Reply post(JsonNode job, String action, Object body) {
        return api.post("/api/v1/plans/" + plan + "/assignments/" + job.get("chunkId").asText() + "/" + action, body);
    }

    private Api.Reply status(JsonNode job, String status) {
        return post(job, "status", Map.of("status", status));
    }

    private JsonNode now(JsonNode job) {
        return api.get("/api/v1/plans/" + plan + "/assignments?field=" + job.get("fieldCode").asText()).json().get(0);
    }

    private String fieldStatus(JsonNode job) {
        return api.get("/api/v1/fields/code/" + job.get("fieldCode").asText()).json().get("status").asText();
    }

    @Test
    @Order(1)
    void the_itinerary_text_reaching_the_operator_makes_the_first_days_work_notified() {
        while (worker.drain() > 0) {
            // until the outbox is empty
        }

        assertThat(itinerary).allSatisfy(job -> assertThat(now(job).get("status").asText()).isEqualTo("NOTIFIED"));
    }

    @Test
    @Order(2)
    void a_confirmation_is_taken_once_and_done_needs_the_harvest_figures() {
        JsonNode job = itinerary.get(0);

        assertThat(status(job, "CONFIRMED").json().get("status").asText()).isEqualTo("CONFIRMED");
        Api.Reply again = status(job, "CONFIRMED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("CONFIRMED and cannot become CONFIRMED");
        assertThat(status(job, "DONE").errorFields()).containsExactly("status");
        assertThat(status(job, "HARVESTED").status()).isEqualTo(400);
        assertThat(post(job, "finish", Map.of("actualMu", 1, "tonnes", 0.5)).status()).as("not started yet").isEqualTo(409);
        assertThat(now(job).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    @Order(3)
    void work_in_progress_reports_progress_then_finishes_and_the_field_is_harvested() {
        JsonNode job = itinerary.get(0);
        double area = job.get("areaMu").asDouble();

        assertThat(status(job, "IN_PROGRESS").json().get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(fieldStatus(job)).isEqualTo("HARVESTING");
        assertThat(post(job, "progress", Map.of("doneMu", area / 2)).json().get("doneMu").asDouble()).isEqualTo(area / 2, offset(0.01));
        assertThat(post(job, "progress", Map.of("doneMu", area / 4)).errorFields()).as("going back").containsExactly("doneMu");
        assertThat(post(job, "progress", Map.of("doneMu", area * 2)).errorFields()).as("beyond the field").containsExactly("doneMu");
        assertThat(post(job, "finish", Map.of("actualMu", area, "tonnes", area * 5)).errorFields()).containsExactly("tonnes");
        assertThat(post(job, "finish", Map.of("actualMu", area)).errorFields()).containsExactly("tonnes");
        assertThat(now(job).get("doneMu").asDouble()).as("refusals write nothing").isEqualTo(area / 2, offset(0.01));

        JsonNode done = post(job, "finish", Map.of("actualMu", area, "tonnes", area * 0.5)).json();

        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("doneMu").asDouble()).isEqualTo(area, offset(0.01));
        assertThat(fieldStatus(job)).isEqualTo("HARVESTED");
        assertThat(post(job, "progress", Map.of("doneMu", area)).status()).isEqualTo(409);
        assertThat(status(job, "CANCELLED").status()).isEqualTo(409);
    }

    @Test
    @Order(4)
    void work_not_started_can_be_called_off_but_not_started_afterwards() {
        JsonNode job = itinerary.get(itinerary.size() - 1);

        assertThat(status(job, "CANCELLED").json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(status(job, "IN_PROGRESS").status()).isEqualTo(409);
        assertThat(fieldStatus(job)).isEqualTo("SCHEDULED");
    }

    @Test
    @Order(5)
    void a_breakdown_fails_the_work_in_progress_flags_the_rest_and_a_draft_waits_for_the_dispatcher() {
        JsonNode job = itinerary.get(1);
        clock.set(OffsetDateTime.parse(job.get("start").asText()).toInstant());
        status(job, "IN_PROGRESS");
        post(job, "progress", Map.of("doneMu", 1));

        JsonNode failed = post(job, "breakdown", Map.of()).json();

        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("doneMu").asDouble()).as("what was harvested stays counted").isEqualTo(1.0);
        assertThat(now(itinerary.get(2)).get("needsReplan").asBoolean()).isTrue();
        JsonNode disruption = api.get("/api/v1/disruptions?unanswered=true").json().at("/items/0");
        assertThat(disruption.get("kind").asText()).isEqualTo("BREAKDOWN");
        assertThat(disruption.get("subject").asText()).isEqualTo(MACHINE);

        long draft = drafts.draft().orElseThrow().id();

        JsonNode revision = PlanPolling.awaitFinished(api, draft);
        assertThat(revision.get("revises").asLong()).isEqualTo(plan);
        assertThat(revision.get("publication").asText()).as("nothing is re-planned silently").isEqualTo("DRAFT");
        assertThat(api.get("/api/v1/plans/" + draft + "/assignments?machine=" + MACHINE).json()).isEmpty();
        assertThat(api.get("/api/v1/plans/" + draft + "/assignments?field=" + job.get("fieldCode").asText()).json())
                .as("the failed chunk is planned again").isNotEmpty();
        assertThat(api.get("/api/v1/plans/" + draft + "/assignments?field=" + itinerary.get(0).get("fieldCode").asText()).json())
                .as("finished work is not").isEmpty();
        assertThat(api.get("/api/v1/disruptions").json().at("/items/0/draftPlanId").asLong()).isEqualTo(draft);
        assertThat(api.get("/api/v1/plans?publication=PUBLISHED").json().at("/items/0/id").asLong()).isEqualTo(plan);
        assertThat(status(itinerary.get(2), "CONFIRMED").status()).as("the draft's work is not yet anyone's").isEqualTo(200);
        assertThat(api.post("/api/v1/plans/" + draft + "/assignments/" + itinerary.get(2).get("chunkId").asText() + "/status",
                Map.of("status", "CONFIRMED")).status()).isEqualTo(409);
    }

    @Test
    @Order(6)
    void a_field_not_ready_moves_its_ripeness_and_flags_its_work_but_one_being_harvested_cannot() {
        JsonNode other = api.get("/api/v1/plans/" + plan + "/assignments?machine=M0007").json().get(2);

        JsonNode notReady = api.post("/api/v1/disruptions/not-ready", Map.of("fieldCode", other.get("fieldCode").asText())).json();

        assertThat(notReady.get("flagged").asInt()).isPositive();
        assertThat(now(other).get("needsReplan").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/disruptions/not-ready", Map.of("fieldCode", itinerary.get(0).get("fieldCode").asText())).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/disruptions/not-ready", Map.of("fieldCode", "NOPE")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/disruptions/not-ready", Map.of()).errorFields()).containsExactly("fieldCode");
    }

    @Test
    @Order(7)
    void grain_is_taken_in_at_most_as_harvested_and_the_field_is_stored_once_all_of_it_has_been_through() {
        String field = itinerary.get(0).get("fieldCode").asText();
        // as finished in the third test, kept to the hundredth as the work log keeps it
        BigDecimal tonnes = BigDecimal.valueOf(itinerary.get(0).get("areaMu").asDouble() * 0.5).setScale(2, RoundingMode.HALF_UP);
        BigDecimal half = tonnes.divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP);
        BigDecimal rest = tonnes.subtract(half);
        String site = api.get("/api/v1/drying-sites/status").json().get(0).get("code").asText();

        assertThat(api.post("/api/v1/drying-sites/" + site + "/intake", Map.of("fieldCode", field, "tonnes", tonnes.add(BigDecimal.ONE))).errorFields())
                .containsExactly("tonnes");
        assertThat(api.post("/api/v1/drying-sites/" + site + "/intake", Map.of("fieldCode", field, "tonnes", half)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/drying-sites/" + site + "/outflow", Map.of("fieldCode", field, "tonnes", half)).status()).isEqualTo(201);
        assertThat(fieldStatus(itinerary.get(0))).as("the other half is still to come").isEqualTo("DRYING");
        assertThat(api.post("/api/v1/drying-sites/" + site + "/intake", Map.of("fieldCode", field, "tonnes", rest)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/drying-sites/" + site + "/outflow", Map.of("fieldCode", field, "tonnes", rest)).status()).isEqualTo(201);
        assertThat(fieldStatus(itinerary.get(0))).isEqualTo("STORED");
    }

    @Test
    @Order(8)
    void work_reported_while_the_draft_waited_carries_over_and_a_draft_of_a_superseded_plan_cannot_be_published() {
        long draft = api.get("/api/v1/disruptions").json().at("/items/1/draftPlanId").asLong();
        JsonNode later = stream(api.get("/api/v1/plans/" + plan + "/assignments?machine=M0009").json())
                .filter(a -> a.get("status").asText().equals("PLANNED") && !a.get("chunkId").asText().contains("#")).findFirst().orElseThrow();
        clock.set(OffsetDateTime.parse(later.get("start").asText()).toInstant());
        assertThat(status(later, "IN_PROGRESS").status()).isEqualTo(200);
        clock.set(OffsetDateTime.parse(later.get("end").asText()).toInstant());
        assertThat(post(later, "finish", Map.of("actualMu", later.get("areaMu").asDouble(), "tonnes", 1)).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/plans/" + draft + "/publish", "{}").status()).isEqualTo(200);

        assertThat(api.get("/api/v1/plans/" + draft + "/assignments?field=" + later.get("fieldCode").asText()).json())
                .isNotEmpty().allSatisfy(a -> assertThat(a.get("status").asText()).as("finished while the draft waited").isEqualTo("DONE"));
        long first = api.post("/api/v1/plans/" + draft + "/replan", Map.of("strategy", "GREEDY")).json().get("id").asLong();
        long second = api.post("/api/v1/plans/" + draft + "/replan", Map.of("strategy", "GREEDY")).json().get("id").asLong();
        PlanPolling.awaitFinished(api, first);
        PlanPolling.awaitFinished(api, second);
        assertThat(api.post("/api/v1/plans/" + second + "/publish", "{}").status()).isEqualTo(200);
        Api.Reply stale = api.post("/api/v1/plans/" + first + "/publish", "{}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asText()).contains("no longer the published plan");
        assertThat(api.get("/api/v1/plans/" + second + "/assignments?field=" + later.get("fieldCode").asText()).json())
                .as("a finished field is not planned again").isEmpty();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
