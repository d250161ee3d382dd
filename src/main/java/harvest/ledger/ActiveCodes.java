package harvest.ledger;

import harvest.system.Sql;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Set;

/** The codes of the rows of a ledger that are not retired, read inside the caller's transaction. */
@Singleton
@Connectable
public class ActiveCodes {
    private final Sql sql;

    public ActiveCodes(Sql sql) {
        this.sql = sql;
    }

    public Set<String> of(LedgerKind kind) {
        return new HashSet<>(sql.of("SELECT code FROM " + kind.table() + " WHERE retired_at IS NULL").strings());
    }

    public boolean contains(LedgerKind kind, String code) {
        return sql.of("SELECT 1 FROM " + kind.table() + " WHERE code = :code AND retired_at IS NULL")
                .set("code", code).first(rows -> true).isPresent();
    }
}
