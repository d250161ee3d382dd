package harvest.ledger;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/** The codes of the rows of a ledger that are not retired, read inside the caller's transaction. */
@Singleton
@Connectable
public class ActiveCodes {
    private final JdbcOperations jdbc;

    public ActiveCodes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> of(LedgerKind kind) {
        return jdbc.prepareStatement("SELECT code FROM " + kind.table() + " WHERE retired_at IS NULL", statement -> {
            Set<String> codes = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
            return codes;
        });
    }

    public boolean contains(LedgerKind kind, String code) {
        return jdbc.prepareStatement("SELECT 1 FROM " + kind.table() + " WHERE code = ? AND retired_at IS NULL", statement -> {
            statement.setString(1, code);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }
}
