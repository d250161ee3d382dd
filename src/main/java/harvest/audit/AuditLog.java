package harvest.audit;

import harvest.system.Actor;
import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Who changed what and when. Changes are recorded in the transaction that makes them (it is mandatory), so a
 * change that rolls back leaves no event behind and a committed one always has its event.
 */
@Singleton
@Connectable
public class AuditLog {
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);
    private static final String WHERE = " WHERE (?::text IS NULL OR entity = ?) AND (?::text IS NULL OR entity_key = ?)"
            + " AND (?::text IS NULL OR actor = ?) AND (?::timestamptz IS NULL OR at >= ?) AND (?::timestamptz IS NULL OR at < ?)";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(JdbcOperations jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One change to an entity. {@code before} and {@code after} are what the API shows of it (its response record,
     * never the entity); either may be null (created, removed), not both.
     */
    public record Change(AuditedEntity entity, String key, String action, @Nullable Object before, @Nullable Object after) {
        public Change {
            if (before == null && after == null) {
                throw new IllegalArgumentException("a change of " + entity + " " + key + " needs a before or an after");
            }
        }
    }

    /** Records one change by {@link Actor#current()} at the clock's now, in the caller's transaction. */
    @Transactional(propagation = MANDATORY)
    public void record(AuditedEntity entity, String key, String action, @Nullable Object before, @Nullable Object after) {
        recordAll(List.of(new Change(entity, key, action, before, after)));
    }

    /** Records many changes (an import) in one batch, all by the same actor at the same instant. */
    @Transactional(propagation = MANDATORY)
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(clock.instant());
        String actor = Actor.current();
        jdbc.prepareStatement("""
                INSERT INTO audit_event (at, actor, entity, entity_key, action, before, after)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""", statement -> {
            for (Change change : changes) {
                statement.setTimestamp(1, at);
                statement.setString(2, actor);
                statement.setString(3, change.entity().name());
                statement.setString(4, change.key());
                statement.setString(5, change.action());
                statement.setString(6, write(change.before()));
                statement.setString(7, write(change.after()));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /** Which events to list; null for any. {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(@Nullable AuditedEntity entity, @Nullable String key, @Nullable String actor,
                         @Nullable Instant from, @Nullable Instant to) {
    }

    /** Newest first. */
    public List<AuditEvent> list(Filter filter, int page, int size) {
        return jdbc.prepareStatement("SELECT id, at, actor, entity, entity_key, action, before, after FROM audit_event"
                + WHERE + " ORDER BY id DESC LIMIT ? OFFSET ?", statement -> {
            bind(statement, filter);
            statement.setInt(11, size);
            statement.setLong(12, (long) page * size);
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new AuditEvent(rows.getLong("id"), DistrictTime.local(JdbcValues.instant(rows, "at")),
                            rows.getString("actor"), AuditedEntity.valueOf(rows.getString("entity")), rows.getString("entity_key"),
                            rows.getString("action"), read(rows.getString("before")), read(rows.getString("after"))));
                }
            }
            return events;
        });
    }

    public long count(Filter filter) {
        return jdbc.prepareStatement("SELECT count(*) FROM audit_event" + WHERE, statement -> {
            bind(statement, filter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static void bind(PreparedStatement statement, Filter filter) throws SQLException {
        String entity = filter.entity() == null ? null : filter.entity().name();
        Timestamp from = filter.from() == null ? null : Timestamp.from(filter.from());
        Timestamp to = filter.to() == null ? null : Timestamp.from(filter.to());
        statement.setString(1, entity);
        statement.setString(2, entity);
        statement.setString(3, filter.key());
        statement.setString(4, filter.key());
        statement.setString(5, filter.actor());
        statement.setString(6, filter.actor());
        statement.setTimestamp(7, from);
        statement.setTimestamp(8, from);
        statement.setTimestamp(9, to);
        statement.setTimestamp(10, to);
    }

    private @Nullable String write(@Nullable Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private @Nullable Map<String, Object> read(@Nullable String text) {
        try {
            return text == null ? null : json.readValue(text, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
