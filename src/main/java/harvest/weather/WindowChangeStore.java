package harvest.weather;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import harvest.system.DistrictTime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The "windows changed" events, kept so that a dispatcher (or a late subscriber) can read what happened. */
@Singleton
@Connectable
public class WindowChangeStore {
    private static final String SELECT = "SELECT id, forecast_id, created_at, range_from, range_to, details FROM window_change";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public WindowChangeStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public WindowChangeEvent insert(long forecastId, Instant from, Instant to, List<WindowChanges.CommunityChange> changes) {
        String[] codes = changes.stream().map(WindowChanges.CommunityChange::communityCode).toArray(String[]::new);
        long id = jdbc.prepareStatement("""
                INSERT INTO window_change (forecast_id, range_from, range_to, communities, details)
                VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id""", statement -> {
            statement.setLong(1, forecastId);
            statement.setTimestamp(2, Timestamp.from(from));
            statement.setTimestamp(3, Timestamp.from(to));
            statement.setArray(4, statement.getConnection().createArrayOf("text", codes));
            statement.setString(5, write(changes));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        return find(id).orElseThrow();
    }

    public Optional<WindowChangeEvent> find(long id) {
        return jdbc.prepareStatement(SELECT + " WHERE id = ?", statement -> {
            statement.setLong(1, id);
            return read(statement).stream().findFirst();
        });
    }

    /** Newest first, optionally only those touching one community. */
    public List<WindowChangeEvent> list(String community, int page, int size) {
        return jdbc.prepareStatement(SELECT + " WHERE (?::text IS NULL OR ? = ANY (communities)) ORDER BY id DESC LIMIT ? OFFSET ?",
                statement -> {
                    statement.setString(1, community);
                    statement.setString(2, community);
                    statement.setInt(3, size);
                    statement.setLong(4, (long) page * size);
                    return read(statement);
                });
    }

    public long count(String community) {
        return jdbc.prepareStatement("SELECT count(*) FROM window_change WHERE (?::text IS NULL OR ? = ANY (communities))", statement -> {
            statement.setString(1, community);
            statement.setString(2, community);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private List<WindowChangeEvent> read(PreparedStatement statement) throws SQLException {
        List<WindowChangeEvent> events = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                events.add(new WindowChangeEvent(rows.getLong("id"), rows.getLong("forecast_id"), local(rows, "created_at"),
                        local(rows, "range_from"), local(rows, "range_to"), parse(rows.getString("details"))));
            }
        }
        return events;
    }

    private static OffsetDateTime local(ResultSet rows, String column) throws SQLException {
        return DistrictTime.local(rows.getTimestamp(column).toInstant());
    }

    private String write(List<WindowChanges.CommunityChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<WindowChanges.CommunityChange> parse(String details) {
        try {
            return json.readValue(details, Argument.listOf(WindowChanges.CommunityChange.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
