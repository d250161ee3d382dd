package harvest.machine;

import harvest.ledger.LedgerEntity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A combine or seeder with its operator (机手). {@code origin} is LOCAL or the county it was borrowed from;
 * borrowed machines usually come for a window given by {@code availableFrom}/{@code availableUntil}.
 */
@MappedEntity("machine")
public record Machine(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        MachineKind kind,
        @Nullable String plate,
        @Nullable String model,
        BigDecimal capacityMuPerHour,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> crops,
        @Nullable String operatorName,
        @Nullable String operatorPhone,
        double baseLat,
        double baseLon,
        String origin,
        @Nullable Instant availableFrom,
        @Nullable Instant availableUntil,
        @Version @Nullable Long version,
        @Nullable Instant retiredAt) implements LedgerEntity {

    public static final String LOCAL = "LOCAL";
}
