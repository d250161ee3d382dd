package harvest.ledger;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** What every ledger row has: a surrogate id, the bureau's code, an optimistic-lock version, a retirement mark. */
public interface LedgerEntity {
    Long id();

    String code();

    Long version();

    @Nullable
    Instant retiredAt();

    static Long idOf(@Nullable LedgerEntity existing) {
        return existing == null ? null : existing.id();
    }

    static Long versionOf(@Nullable LedgerEntity existing) {
        return existing == null ? null : existing.version();
    }

    /** A retired row stays retired when its ledger is imported again: retirement is the dispatcher's decision. */
    @Nullable
    static Instant retiredAtOf(@Nullable LedgerEntity existing) {
        return existing == null ? null : existing.retiredAt();
    }
}
