package harvest.farmer;

import harvest.security.mobile.PhoneHoldings;
import jakarta.inject.Singleton;

import java.util.List;

/** The households with a number, for what its holder may see and do in the app. */
@Singleton
class HouseholdPhones implements PhoneHoldings {
    private final FarmerRepository repository;

    HouseholdPhones(FarmerRepository repository) {
        this.repository = repository;
    }

    @Override
    public Kind kind() {
        return Kind.FARMERS;
    }

    @Override
    public List<String> heldBy(String phone) {
        return repository.findCodeByPhoneAndRetiredAtIsNullOrderByCode(phone);
    }
}
