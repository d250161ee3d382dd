package harvest.farmer;

import harvest.ledger.LedgerEntity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A household (农户) that owns fields; labour-short and elderly households get a volunteer team. */
@MappedEntity("farmer")
public record Farmer(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String name,
        @Nullable String phone,
        String communityCode,
        boolean laborShort,
        boolean elderly,
        String language,
        @Nullable Instant smsOptedOutAt,
        @Version @Nullable Long version,
        @Nullable Instant retiredAt) implements LedgerEntity {

    Farmer withSmsOptedOutAt(@Nullable Instant optedOutAt) {
        return new Farmer(id, code, name, phone, communityCode, laborShort, elderly, language, optedOutAt, version, retiredAt);
    }
}
