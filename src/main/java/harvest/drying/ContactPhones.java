package harvest.drying;

import harvest.security.mobile.PhoneHoldings;
import jakarta.inject.Singleton;

import java.util.List;

/** The drying sites a number is the contact of, for what its holder may see and do in the app. */
@Singleton
class ContactPhones implements PhoneHoldings {
    private final DryingSiteRepository repository;

    ContactPhones(DryingSiteRepository repository) {
        this.repository = repository;
    }

    @Override
    public Kind kind() {
        return Kind.DRYING_SITES;
    }

    @Override
    public List<String> heldBy(String phone) {
        return repository.findCodeByContactPhoneAndRetiredAtIsNullOrderByCode(phone);
    }
}
