package harvest.aid;

import harvest.ledger.LedgerEntity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

@MappedEntity("aid_station")
public record AidStation(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String name,
        String communityCode,
        double lat,
        double lon,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> offers,
        @Version @Nullable Long version,
        @Nullable Instant retiredAt) implements LedgerEntity {
}
