package harvest.planning;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Set;

/** What to plan: whole local days from {@code firstDay}, and optionally only some communities. */
public record PlanScope(LocalDate firstDay, int days, @Nullable Set<String> communities) {

    public boolean covers(String communityCode) {
        return communities == null || communities.contains(communityCode);
    }
}
