package harvest.farmer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
record FarmerResponse(long id, String code, String name, @Nullable String phone, String communityCode,
                             boolean laborShort, boolean elderly, String language, boolean smsOptedOut,
                             @Nullable Instant smsOptedOutAt, long version, @Nullable Instant retiredAt) {

    static FarmerResponse of(Farmer f) {
        return new FarmerResponse(f.id(), f.code(), f.name(), f.phone(), f.communityCode(), f.laborShort(), f.elderly(),
                f.language(), f.smsOptedOutAt() != null, f.smsOptedOutAt(), f.version(), f.retiredAt());
    }
}
