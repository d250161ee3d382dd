package harvest.dispatch;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/** {@code harvest.dispatch.*}: how the service reacts to the day's events, and who gets the evening summary. */
@ConfigurationProperties("harvest.dispatch")
public class DispatchSettings {
    private Duration notReadyDelay = Duration.ofHours(48);
    private List<String> leaderPhones = List.of();

    /** How far a farmer's "not ready" pushes the field's ripeness from now. */
    public Duration getNotReadyDelay() {
        return notReadyDelay;
    }

    public void setNotReadyDelay(Duration notReadyDelay) {
        this.notReadyDelay = notReadyDelay;
    }

    /** E.164 numbers of the bureau's leaders, who get the daily dispatch summary in the evening. */
    public List<String> getLeaderPhones() {
        return leaderPhones;
    }

    public void setLeaderPhones(List<String> leaderPhones) {
        this.leaderPhones = List.copyOf(leaderPhones);
    }
}
