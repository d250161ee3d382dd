package harvest.dispatch;

import harvest.system.phone.PhoneNumbers;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Objects;

/** The bureau's leaders ({@code harvest.dispatch.leader-phones}), who get the daily dispatch summary in the evening. */
@Singleton
public class BureauLeaders {
    private final List<String> phones;

    /**
     * A number that is not a phone number stops the service at start-up, not the summary at 20:00: the summary's
     * job, which needs this, is created with the scheduler when the service starts.
     */
    BureauLeaders(DispatchSettings settings) {
        List<String> configured = Objects.requireNonNullElse(settings.getLeaderPhones(), List.of());
        configured.stream().filter(phone -> !PhoneNumbers.isValid(phone)).findFirst().ifPresent(phone -> {
            throw new IllegalArgumentException("harvest.dispatch.leader-phones: '" + phone + "' is not a valid phone number");
        });
        this.phones = configured.stream().map(PhoneNumbers::toE164).toList();
    }

    /** In E.164. */
    public List<String> phones() {
        return phones;
    }
}
