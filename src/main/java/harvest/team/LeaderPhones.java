package harvest.team;

import harvest.security.mobile.PhoneHoldings;
import jakarta.inject.Singleton;

import java.util.List;

/** The teams a number leads, for what its holder may see and do in the app. */
@Singleton
class LeaderPhones implements PhoneHoldings {
    private final TeamRepository repository;

    LeaderPhones(TeamRepository repository) {
        this.repository = repository;
    }

    @Override
    public Kind kind() {
        return Kind.TEAMS;
    }

    @Override
    public List<String> heldBy(String phone) {
        return repository.findCodeByLeaderPhoneAndRetiredAtIsNullOrderByCode(phone);
    }
}
