package harvest.community;

import harvest.ledger.LedgerEntity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A community (社区) of a street (街道): the unit weather, teams and reports are kept by. */
@MappedEntity("community")
public record Community(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String name,
        String street,
        double lat,
        double lon,
        @Version @Nullable Long version,
        @Nullable Instant retiredAt) implements LedgerEntity {
}
