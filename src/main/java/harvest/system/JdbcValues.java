package harvest.system;

import io.micronaut.core.annotation.Nullable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reading values the stores' hand-written SQL returns. */
public final class JdbcValues {
    private JdbcValues() {
    }

    /** A timestamptz column as an instant, or null. */
    public static @Nullable Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
