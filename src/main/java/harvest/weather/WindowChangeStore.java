package harvest.weather;

import harvest.system.DistrictTime;
import harvest.system.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The "windows changed" events, kept so that a dispatcher (or a late subscriber) can read what happened. */
@Singleton
@Connectable
public class WindowChangeStore {
    private static final String SELECT = "SELECT id, forecast_id, created_at, range_from, range_to, details FROM window_change";
    private static final String TOUCHING = " WHERE (:community::text IS NULL OR :community = ANY (communities))";

    private final Sql sql;
    private final JsonMapper json;

    public WindowChangeStore(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public WindowChangeEvent insert(long forecastId, Instant from, Instant to, List<WindowChanges.CommunityChange> changes) {
        List<String> codes = changes.stream().map(WindowChanges.CommunityChange::communityCode).toList();
        long id = sql.of("""
                INSERT INTO window_change (forecast_id, range_from, range_to, communities, details)
                VALUES (:forecast, :from, :to, :communities, :details::jsonb) RETURNING id""")
                .set("forecast", forecastId).set("from", from).set("to", to).setArray("communities", "text", codes)
                .set("details", write(changes))
                .number();
        return find(id).orElseThrow();
    }

    public Optional<WindowChangeEvent> find(long id) {
        return sql.of(SELECT + " WHERE id = :id").set("id", id).first(this::read);
    }

    /** Newest first, optionally only those touching one community. */
    public List<WindowChangeEvent> list(String community, int page, int size) {
        return sql.of(SELECT + TOUCHING + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .set("community", community).set("size", size).set("offset", (long) page * size).list(this::read);
    }

    public long count(String community) {
        return sql.of("SELECT count(*) FROM window_change" + TOUCHING).set("community", community).number();
    }

    private WindowChangeEvent read(ResultSet rows) throws SQLException {
        return new WindowChangeEvent(rows.getLong("id"), rows.getLong("forecast_id"), local(rows, "created_at"),
                local(rows, "range_from"), local(rows, "range_to"), parse(rows.getString("details")));
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
