package harvest.machine;

import harvest.security.mobile.PhoneHoldings;
import jakarta.inject.Singleton;

import java.util.List;

/** The combines a number operates, for what its holder may see and do in the app. */
@Singleton
class OperatorPhones implements PhoneHoldings {
    private final MachineRepository repository;

    OperatorPhones(MachineRepository repository) {
        this.repository = repository;
    }

    @Override
    public Kind kind() {
        return Kind.MACHINES;
    }

    @Override
    public List<String> heldBy(String phone) {
        return repository.findCodeByOperatorPhoneAndRetiredAtIsNullOrderByCode(phone);
    }
}
