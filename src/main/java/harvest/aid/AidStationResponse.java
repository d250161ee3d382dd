package harvest.aid;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

@Serdeable
record AidStationResponse(long id, String code, String name, String communityCode, double lat, double lon,
                                 List<AidOffer> offers, long version, @Nullable Instant retiredAt) {

    static AidStationResponse of(AidStation a) {
        return new AidStationResponse(a.id(), a.code(), a.name(), a.communityCode(), a.lat(), a.lon(),
                a.offers().stream().map(AidOffer::valueOf).toList(), a.version(), a.retiredAt());
    }
}
