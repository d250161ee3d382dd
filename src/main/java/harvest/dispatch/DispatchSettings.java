package harvest.dispatch;

import harvest.system.phone.PhoneNumbers;
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

    /** A number that is not a phone number stops the service at start-up, not the summary at 20:00. */
    public void setLeaderPhones(List<String> leaderPhones) {
        leaderPhones.stream().filter(phone -> !PhoneNumbers.isValid(phone)).findFirst().ifPresent(phone -> {
            throw new IllegalArgumentException("harvest.dispatch.leader-phones: '" + phone + "' is not a valid phone number");
        });
        this.leaderPhones = leaderPhones.stream().map(PhoneNumbers::toE164).toList();
    }
}
