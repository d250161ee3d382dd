package harvest.weather;

import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class RulesConfigurationTest extends DatabaseTest {
    @Inject
    WeatherRules rules;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.rules.work-start", "07:00", "harvest.rules.wet-probability-pct", "50",
                "harvest.rules.dry-out-max-hours", "6");
    }

    @Test
    void every_rule_number_can_be_configured() {
        assertThat(rules.getWorkStart()).isEqualTo(LocalTime.of(7, 0));
        assertThat(rules.isWorkHour(LocalTime.of(6, 0))).isFalse();
        assertThat(rules.isWet(0, 50)).isTrue();
        assertThat(rules.dryOutHours(20)).isEqualTo(6);
        assertThat(rules.getWorkEnd()).as("unset rules keep the brief's default").isEqualTo(LocalTime.of(22, 0));
    }
}
