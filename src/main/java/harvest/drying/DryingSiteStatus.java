package harvest.drying;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A drying site's live state, for staff: what it can take today, has taken, still has room for, and holds. */
@Serdeable
public record DryingSiteStatus(
        String code, String name, DryingKind kind, String communityCode, double lat, double lon, boolean rainUsable,
        @Nullable String contactName, @Nullable String contactPhone,
        @Schema(description = "Today in the district") LocalDate day,
        @Schema(description = "Daily capacity; an open yard's scaled by the share of today's 08:00-18:00 hours that are not wet") BigDecimal capacityTodayTonnes,
        BigDecimal intakeTodayTonnes,
        BigDecimal roomLeftTodayTonnes,
        @Schema(description = "All intake less all outflow") BigDecimal currentTonnes,
        SiteState state) {
}
