package harvest.planning;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Asking the API for plans and waiting for them, as a dispatcher's client would. */
public final class PlanPolling {
    private static final Set<String> FINISHED = Set.of("SOLVED", "FAILED");

    private PlanPolling() {
    }

    static String request(String strategy, int timeLimitSeconds, String extra) {
        return """
                {"firstDay": "2023-05-28", "days": 12, "strategy": "%s", "timeLimitSeconds": %d%s}"""
                .formatted(strategy, timeLimitSeconds, extra.isEmpty() ? "" : ", " + extra);
    }

    /** The plan once it is SOLVED or FAILED. */
    public static JsonNode awaitFinished(Api api, long id) {
        return awaitPlan(api, id, plan -> FINISHED.contains(plan.get("state").asText()));
    }

    /** The plan as soon as {@code condition} holds for it. */
    static JsonNode awaitPlan(Api api, long id, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/plans/" + id).json(), condition::test);
    }
}
