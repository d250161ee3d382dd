package harvest.field;

import harvest.security.mobile.HouseholdFields;
import jakarta.inject.Singleton;

import java.util.List;

/** The fields of households, for what a farmer's number may see in the app. */
@Singleton
class HouseholdFieldCodes implements HouseholdFields {
    private final FieldRepository fields;

    HouseholdFieldCodes(FieldRepository fields) {
        this.fields = fields;
    }

    @Override
    public List<String> fieldsOf(List<String> farmerCodes) {
        return farmerCodes.isEmpty() ? List.of() : fields.findCodeByFarmerCodeInAndRetiredAtIsNullOrderByCode(farmerCodes);
    }
}
