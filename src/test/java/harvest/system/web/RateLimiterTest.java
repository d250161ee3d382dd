package harvest.system.web;

import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class RateLimiterTest extends DatabaseTest {
    @Inject
    RateLimits limits;

    @Test
    void a_client_may_use_its_permits_at_once_and_then_waits_for_the_next_one() {
        RateLimiter limiter = limits.limiter("burst", 3, Duration.ofMinutes(1));
        assertThat(limiter.take("a")).isEmpty();
        assertThat(limiter.take("a")).isEmpty();
        assertThat(limiter.take("a")).isEmpty();

        assertThat(limiter.take("a")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20)));
    }

    @Test
    void permits_come_back_over_the_period_and_a_refusal_costs_none() {
        RateLimiter limiter = limits.limiter("refill", 3, Duration.ofSeconds(3));
        for (int i = 0; i < 3; i++) {
            limiter.take("a");
        }
        Duration wait = limiter.take("a").orElseThrow();

        // asking again and again while refused must not push the next permit back
        await().atMost(wait.plusSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> limiter.take("a").isEmpty());

        assertThat(limiter.take("a")).isPresent();
    }

    @Test
    void each_client_and_each_limit_has_its_own_permits() {
        RateLimiter limiter = limits.limiter("clients", 3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            limiter.take("a");
        }

        assertThat(limiter.take("a")).isPresent();
        assertThat(limiter.take("b")).isEmpty();
        assertThat(limits.limiter("another", 3, Duration.ofMinutes(1)).take("a")).isEmpty();
    }

    @Test
    void housekeeping_drops_keys_whose_bucket_is_full_again_and_they_start_afresh() throws SQLException {
        RateLimiter limiter = limits.limiter("sweep", 1, Duration.ofMillis(200));
        limiter.take("a");
        assertThat(keys("sweep")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            limits.run();
            return keys("sweep") == 0;
        });

        assertThat(limiter.take("a")).isEmpty();
        assertThat(limiter.take("a")).isPresent();
    }

    private long keys(String limiter) throws SQLException {
        return rows("SELECT count(*) FROM rate_limit WHERE limiter = '" + limiter + "'", r -> r.getLong(1)).getFirst();
    }
}
