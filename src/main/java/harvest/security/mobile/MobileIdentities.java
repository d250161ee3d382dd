package harvest.security.mobile;

import harvest.security.Identity;
import harvest.security.IdentitySource;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phone numbers as the ledgers know them. Read afresh on each request and each refresh, so a combine handed to
 * another operator, or a retired entry, changes what the number may do at once.
 */
@Singleton
public class MobileIdentities implements IdentitySource {
    private final Map<PhoneHoldings.Kind, PhoneHoldings> ledgers = new EnumMap<>(PhoneHoldings.Kind.class);
    private final HouseholdFields householdFields;

    public MobileIdentities(List<PhoneHoldings> ledgers, HouseholdFields householdFields) {
        ledgers.forEach(ledger -> this.ledgers.put(ledger.kind(), ledger));
        if (this.ledgers.size() != PhoneHoldings.Kind.values().length) {
            throw new IllegalStateException("no ledger answers for " + EnumSet.complementOf(EnumSet.copyOf(this.ledgers.keySet())));
        }
        this.householdFields = householdFields;
    }

    @Override
    public Identity.Kind kind() {
        return Identity.Kind.MOBILE;
    }

    @Override
    public Optional<Identity> current(String phone) {
        List<String> roles = holdings(phone).roles();
        return roles.isEmpty() ? Optional.empty() : Optional.of(new Identity(Identity.Kind.MOBILE, phone, roles));
    }

    public Holdings holdings(String phone) {
        List<String> farmers = farmers(phone);
        return new Holdings(machines(phone), farmers, householdFields.fieldsOf(farmers), teams(phone), dryingSites(phone));
    }

    public List<String> machines(String phone) {
        return held(PhoneHoldings.Kind.MACHINES, phone);
    }

    public List<String> farmers(String phone) {
        return held(PhoneHoldings.Kind.FARMERS, phone);
    }

    public List<String> fields(String phone) {
        return householdFields.fieldsOf(farmers(phone));
    }

    public List<String> teams(String phone) {
        return held(PhoneHoldings.Kind.TEAMS, phone);
    }

    public List<String> dryingSites(String phone) {
        return held(PhoneHoldings.Kind.DRYING_SITES, phone);
    }

    private List<String> held(PhoneHoldings.Kind kind, String phone) {
        return ledgers.get(kind).heldBy(phone);
    }
}
