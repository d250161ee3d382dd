package harvest.system.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), nanos::get);

    @Test
    void a_client_may_use_its_permits_at_once_and_then_waits_for_the_next_one() {
        assertThat(limiter.take("a")).isEmpty();
        assertThat(limiter.take("a")).isEmpty();
        assertThat(limiter.take("a")).isEmpty();

        assertThat(limiter.take("a")).contains(Duration.ofSeconds(20));
    }

    @Test
    void permits_come_back_over_the_period_and_a_refusal_costs_none() {
        for (int i = 0; i < 4; i++) {
            limiter.take("a");
        }

        nanos.addAndGet(Duration.ofSeconds(20).toNanos());

        assertThat(limiter.take("a")).isEmpty();
        assertThat(limiter.take("a")).isPresent();
    }

    @Test
    void each_client_has_its_own_permits() {
        for (int i = 0; i < 3; i++) {
            limiter.take("a");
        }

        assertThat(limiter.take("a")).isPresent();
        assertThat(limiter.take("b")).isEmpty();
    }
}
