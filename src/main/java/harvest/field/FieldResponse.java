package harvest.field;

import harvest.system.DistrictTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

@Serdeable
record FieldResponse(long id, String code, String farmerCode, String communityCode, String name, String crop,
                            BigDecimal areaMu, double lat, double lon, OffsetDateTime ripeFrom,
                            BigDecimal expectedYieldKgPerMu, FieldStatus status, Set<FieldStatus> nextStatuses,
                            @Nullable @Schema(description = "The crop sown after harvest, once the field is SOWN") String nextCrop,
                            long version, @Nullable Instant retiredAt) {

    static FieldResponse of(Field f) {
        return new FieldResponse(f.id(), f.code(), f.farmerCode(), f.communityCode(), f.name(), f.crop(), f.areaMu(),
                f.lat(), f.lon(), DistrictTime.local(f.ripeFrom()), f.expectedYieldKgPerMu(), f.status(),
                f.status().next(), f.nextCrop(), f.version(), f.retiredAt());
    }
}
