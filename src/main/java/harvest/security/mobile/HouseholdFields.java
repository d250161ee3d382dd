package harvest.security.mobile;

import java.util.List;

/** The fields of households, answered by the field module: a farmer's number reaches its household's fields. */
public interface HouseholdFields {
    /** Codes of the active fields of these households, in code order. */
    List<String> fieldsOf(List<String> farmerCodes);
}
