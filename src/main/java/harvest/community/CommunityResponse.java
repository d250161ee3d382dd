package harvest.community;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
record CommunityResponse(long id, String code, String name, String street, double lat, double lon,
                                long version, @Nullable Instant retiredAt) {

    static CommunityResponse of(Community c) {
        return new CommunityResponse(c.id(), c.code(), c.name(), c.street(), c.lat(), c.lon(), c.version(), c.retiredAt());
    }
}
