package harvest.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

/**
 * Serialises work on one key across transactions and service instances: a PostgreSQL advisory lock, held until
 * the caller's transaction ends, for checks like "count, then insert" that no row lock covers.
 */
public final class TransactionLocks {
    private TransactionLocks() {
    }

    public static void hold(Sql sql, String key) {
        sql.of("SELECT pg_advisory_xact_lock(hashtext(:key))").set("key", key).strings();
    }

    public static void hold(JdbcOperations jdbc, String key) {
        hold(new Sql(jdbc), key);
    }
}
