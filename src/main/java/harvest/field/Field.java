package harvest.field;

import harvest.ledger.LedgerEntity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A plot (地块) of one household, harvested as a whole or, above 40 mu, in chunks by several machines;
 * {@code nextCrop} is what was sown on it after harvest.
 */
@MappedEntity("field")
public record Field(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String farmerCode,
        String communityCode,
        String name,
        String crop,
        BigDecimal areaMu,
        double lat,
        double lon,
        Instant ripeFrom,
        BigDecimal expectedYieldKgPerMu,
        FieldStatus status,
        @Nullable String nextCrop,
        @Version @Nullable Long version,
        @Nullable Instant retiredAt) implements LedgerEntity {

    Field withStatus(FieldStatus next, @Nullable String sownCrop) {
        return new Field(id, code, farmerCode, communityCode, name, crop, areaMu, lat, lon, ripeFrom,
                expectedYieldKgPerMu, next, sownCrop, version, retiredAt);
    }

    Field withRipeFrom(Instant ripe) {
        return new Field(id, code, farmerCode, communityCode, name, crop, areaMu, lat, lon, ripe,
                expectedYieldKgPerMu, status, nextCrop, version, retiredAt);
    }
}
