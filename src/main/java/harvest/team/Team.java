package harvest.team;

import harvest.ledger.LedgerEntity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A volunteer team that helps labour-short and elderly households harvest and dry their grain. */
@MappedEntity("team")
public record Team(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String name,
        TeamKind kind,
        String leaderName,
        String leaderPhone,
        int members,
        String communityCode,
        @Version @Nullable Long version,
        @Nullable Instant retiredAt) implements LedgerEntity {
}
