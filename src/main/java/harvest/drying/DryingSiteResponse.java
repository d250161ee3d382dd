package harvest.drying;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;

@Serdeable
record DryingSiteResponse(long id, String code, String name, DryingKind kind, String communityCode, double lat,
                                 double lon, BigDecimal capacityTonnesPerDay, boolean rainUsable,
                                 @Nullable String contactName, @Nullable String contactPhone, long version,
                                 @Nullable Instant retiredAt) {

    static DryingSiteResponse of(DryingSite d) {
        return new DryingSiteResponse(d.id(), d.code(), d.name(), d.kind(), d.communityCode(), d.lat(), d.lon(),
                d.capacityTonnesPerDay(), d.rainUsable(), d.contactName(), d.contactPhone(), d.version(), d.retiredAt());
    }
}
