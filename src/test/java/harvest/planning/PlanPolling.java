package harvest.planning;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;

import java.time.Duration;
import java.time.Instant;

/** Asking the API for plans and waiting for them, as a dispatcher's client would. */
public final class PlanPolling {
    private PlanPolling() {
    }

    static String request(String strategy, int timeLimitSeconds, String extra) {
        return """
                {"firstDay": "2023-05-28", "days": 12, "strategy": "%s", "timeLimitSeconds": %d%s}"""
                .formatted(strategy, timeLimitSeconds, extra.isEmpty() ? "" : ", " + extra);
    }

    /** Polls the plan until it is SOLVED or FAILED. */
    public static JsonNode awaitFinished(Api api, long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode plan = api.get("/api/v1/plans/" + id).json();
            String state = plan.get("state").asText();
            if (state.equals("SOLVED") || state.equals("FAILED")) {
                return plan;
            }
            sleep(250);
        }
        throw new AssertionError("plan " + id + " did not finish in time");
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
