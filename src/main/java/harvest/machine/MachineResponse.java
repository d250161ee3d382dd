package harvest.machine;

import harvest.system.DistrictTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

@Serdeable
record MachineResponse(long id, String code, MachineKind kind, @Nullable String plate, @Nullable String model,
                              BigDecimal capacityMuPerHour, List<String> crops, @Nullable String operatorName,
                              @Nullable String operatorPhone, double baseLat, double baseLon, String origin, boolean borrowed,
                              @Nullable OffsetDateTime availableFrom, @Nullable OffsetDateTime availableUntil,
                              long version, @Nullable Instant retiredAt) {

    static MachineResponse of(Machine m) {
        return new MachineResponse(m.id(), m.code(), m.kind(), m.plate(), m.model(), m.capacityMuPerHour(), m.crops(),
                m.operatorName(), m.operatorPhone(), m.baseLat(), m.baseLon(), m.origin(), !Machine.LOCAL.equals(m.origin()),
                DistrictTime.local(m.availableFrom()), DistrictTime.local(m.availableUntil()), m.version(), m.retiredAt());
    }
}
