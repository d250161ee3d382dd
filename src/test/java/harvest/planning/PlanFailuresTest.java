package harvest.planning;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static harvest.planning.PlanPolling.awaitFinished;
import static harvest.planning.PlanPolling.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every way a solve can go wrong ends with the plan SOLVED or FAILED with a reason, never stuck. */
/* Not transactional: the test talks to the store and to the database on a connection of its own. */
@MicronautTest(transactional = false)
class PlanFailuresTest extends DatabaseTest {
    private static final String ONE_COMMUNITY = "\"communities\": [\"BL-01\"]";

    @Inject
    Api api;
    @Inject
    PlanStore store;
    @Inject
    PlanHeartbeat heartbeat;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.planning.max-solving", "1", "harvest.planning.max-queued", "1");
    }

    @Test
    void beyond_the_queue_a_request_is_refused_and_stopping_ends_queued_and_solving_plans() {
        int before = api.get("/api/v1/plans").json().get("totalItems").asInt();
        long solving = api.post("/api/v1/plans", request("PLANNER", 120, ONE_COMMUNITY)).json().get("id").asLong();
        long queued = api.post("/api/v1/plans", request("PLANNER", 120, ONE_COMMUNITY)).json().get("id").asLong();

        Api.Reply refused = api.post("/api/v1/plans", request("GREEDY", 5, ONE_COMMUNITY));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("type").asText()).endsWith("/planner-busy");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(api.get("/api/v1/plans").json().get("totalItems").asInt()).as("nothing stored for the refused one").isEqualTo(before + 2);

        JsonNode stoppedQueued = api.post("/api/v1/plans/" + queued + "/stop", "{}").json();
        assertThat(stoppedQueued.get("state").asText()).isEqualTo("FAILED");
        assertThat(stoppedQueued.get("failure").asText()).isEqualTo("stopped before solving started");

        awaitState(solving, "SOLVING");
        assertThat(api.post("/api/v1/plans/" + solving + "/stop", "{}").status()).isEqualTo(202);
        JsonNode stopped = awaitFinished(api, solving);
        assertThat(stopped.get("state").asText()).isEqualTo("SOLVED");
        assertThat(stopped.get("stoppedEarly").asBoolean()).isTrue();
        assertThat(stopped.get("secondsSpent").asDouble()).isLessThan(60);
        assertThat(api.post("/api/v1/plans/" + solving + "/stop", "{}").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/plans/" + queued + "/publish", "{}").status()).isEqualTo(409);
    }

    /**
     * The whole district takes a moment to dispatch by the rule of thumb before the search begins; a stop that
     * lands then once ran the plan to its full time limit (Timefold forgets an early end asked for before solve()).
     */
    @Test
    void a_stop_asked_for_before_the_search_begins_is_not_lost() {
        long plan = api.post("/api/v1/plans", request("PLANNER", 300, "")).json().get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> rows("SELECT state FROM plan WHERE id = " + plan, r -> r.getString(1)).getFirst(), "SOLVING"::equals);
        assertThat(api.post("/api/v1/plans/" + plan + "/stop", "{}").status()).isEqualTo(202);

        JsonNode stopped = awaitFinished(api, plan);
        assertThat(stopped.get("state").asText()).isEqualTo("SOLVED");
        assertThat(stopped.get("stoppedEarly").asBoolean()).isTrue();
        assertThat(stopped.get("secondsSpent").asDouble()).isLessThan(30);
    }

    @Test
    void a_plan_solving_on_one_instance_is_stopped_through_another() {
        long solving = api.post("/api/v1/plans", request("PLANNER", 120, ONE_COMMUNITY)).json().get("id").asLong();
        awaitState(solving, "SOLVING");
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("harvest.demo", "false");

        try (ApplicationContext other = ApplicationContext.run(properties, "test")) {
            assertThat(other.getBean(PlanSolving.class).stop(solving).state()).isEqualTo(PlanState.SOLVING);
        }

        JsonNode stopped = awaitFinished(api, solving);
        assertThat(stopped.get("state").asText()).isEqualTo("SOLVED");
        assertThat(stopped.get("stoppedEarly").asBoolean()).isTrue();
        assertThat(stopped.get("secondsSpent").asDouble()).isLessThan(60);
    }

    @Test
    void a_plan_whose_service_died_is_failed_as_abandoned() throws SQLException {
        Plan plan = store.insert(new PlanStore.NewPlan(PlanScope.wholeDistrict(LocalDate.parse("2023-05-28"), 3), Strategy.PLANNER,
                30, RuleOverrides.NONE, null, null));
        store.markSolving(plan.id());
        sql("UPDATE plan SET heartbeat_at = now() - interval '10 minutes' WHERE id = " + plan.id());

        heartbeat.failAbandoned();

        Plan failed = store.get(plan.id());
        assertThat(failed.state()).isEqualTo(PlanState.FAILED);
        assertThat(failed.failure()).startsWith("abandoned: the service solving it stopped");
    }

    @Test
    void a_failure_while_storing_the_result_leaves_the_plan_failed_with_the_reason() throws SQLException {
        sql("ALTER TABLE plan_assignment ADD CONSTRAINT refuse_all CHECK (false) NOT VALID");
        try {
            long id = api.post("/api/v1/plans", request("GREEDY", 5, ONE_COMMUNITY)).json().get("id").asLong();

            JsonNode plan = awaitFinished(api, id);

            assertThat(plan.get("state").asText()).isEqualTo("FAILED");
            assertThat(plan.get("failure").asText()).startsWith("planning failed:").contains("refuse_all");
            assertThat(plan.has("outcome")).isFalse();
        } finally {
            sql("ALTER TABLE plan_assignment DROP CONSTRAINT refuse_all");
        }
    }

    private void awaitState(long id, String state) {
        PlanPolling.awaitPlan(api, id, plan -> plan.get("state").asText().equals(state));
    }
}
