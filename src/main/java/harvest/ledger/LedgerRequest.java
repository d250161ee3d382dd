package harvest.ledger;

import harvest.system.problem.Problem;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The writable part of a ledger row, as the REST API receives it and as an imported ledger line is read into.
 * Both paths validate and store it the same way.
 */
public interface LedgerRequest<E extends LedgerEntity> {
    String code();

    /** The version the client last read, for optimistic locking when no If-Match header is sent. */
    @Nullable
    Long version();

    /** The row to store: a new one, or {@code existing} with this request's values and its own lifecycle state kept. */
    E toEntity(@Nullable E existing);

    /** Rules that involve several properties at once (bean validation covers the single ones). */
    default List<Problem.Violation> inconsistencies() {
        return List.of();
    }

    /** The codes of other ledgers this row points at. */
    default List<Reference> references() {
        return List.of();
    }

    record Reference(String field, LedgerKind kind, String code) {
    }
}
