package harvest.planning;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Set;

/**
 * What to plan: whole local days from {@code firstDay}, and optionally only some communities, some fields or
 * some combines (null: all of them).
 */
public record PlanScope(LocalDate firstDay, int days, @Nullable Set<String> communities, @Nullable Set<String> fields,
                        @Nullable Set<String> machines) {

    public static PlanScope wholeDistrict(LocalDate firstDay, int days) {
        return new PlanScope(firstDay, days, null, null, null);
    }

    public boolean covers(String communityCode) {
        return communities == null || communities.contains(communityCode);
    }
}
