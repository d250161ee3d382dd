package harvest.dispatch;

import harvest.testing.DatabaseTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leaders' numbers (HARVEST_DISPATCH_LEADER_PHONES) are read once: normalised, or refused before the service runs. */
@MicronautTest(transactional = false)
class BureauLeadersTest extends DatabaseTest {
    @Inject
    BureauLeaders leaders;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.sms.worker-enabled", "false", "harvest.dispatch.leader-phones", "13800000001,+8613800000002");
    }

    @Test
    void the_comma_separated_numbers_are_kept_in_e164() {
        assertThat(leaders.phones()).containsExactly("+8613800000001", "+8613800000002");
    }

    @Test
    void a_number_that_is_not_a_phone_number_stops_the_start() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("harvest.dispatch.leader-phones", "+8613800000001,12345");

        // Built then started, rather than run(), so the half-started context can be closed and leaves no pool behind.
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).environments("test").build()) {
            assertThatThrownBy(context::start)
                    .hasStackTraceContaining("harvest.dispatch.leader-phones: '12345' is not a valid phone number");
        }
    }
}
