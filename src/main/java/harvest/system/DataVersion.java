package harvest.system;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

/** The number every committed change to what reads show moves on (a trigger keeps it; see migration V12). */
@Singleton
@Connectable
public class DataVersion {
    private final Sql sql;

    public DataVersion(Sql sql) {
        this.sql = sql;
    }

    public long current() {
        return sql.of("SELECT version FROM data_version").number();
    }
}
