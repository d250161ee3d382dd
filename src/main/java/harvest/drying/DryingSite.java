package harvest.drying;

import harvest.ledger.LedgerEntity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.Instant;

/** Where harvested grain goes the same day: a dryer, an indoor floor lent by a factory or school, or an open yard. */
@MappedEntity("drying_site")
public record DryingSite(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String name,
        DryingKind kind,
        String communityCode,
        double lat,
        double lon,
        BigDecimal capacityTonnesPerDay,
        boolean rainUsable,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Version @Nullable Long version,
        @Nullable Instant retiredAt) implements LedgerEntity {
}
