package harvest.audit;

import harvest.system.Actor;
import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import harvest.system.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
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
    private static final String WHERE = " WHERE (:entity::text IS NULL OR entity = :entity) AND (:key::text IS NULL OR entity_key = :key)"
            + " AND (:actor::text IS NULL OR actor = :actor) AND (:from::timestamptz IS NULL OR at >= :from) AND (:to::timestamptz IS NULL OR at < :to)";

    private final Sql sql;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(Sql sql, JsonMapper json, Clock clock) {
        this.sql = sql;
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
        sql.of("""
                INSERT INTO audit_event (at, actor, entity, entity_key, action, before, after)
                VALUES (:at, :actor, :entity, :key, :action, :before::jsonb, :after::jsonb)""")
                .set("at", clock.instant()).set("actor", Actor.current())
                .batch(changes, (statement, change) -> statement.set("entity", change.entity()).set("key", change.key())
                        .set("action", change.action()).set("before", write(change.before())).set("after", write(change.after())));
    }

    /** Which events to list; null for any. {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(@Nullable AuditedEntity entity, @Nullable String key, @Nullable String actor,
                         @Nullable Instant from, @Nullable Instant to) {
    }

    /** Newest first. */
    public List<AuditEvent> list(Filter filter, int page, int size) {
        return filtered(sql.of("SELECT id, at, actor, entity, entity_key, action, before, after FROM audit_event"
                + WHERE + " ORDER BY id DESC LIMIT :size OFFSET :offset"), filter)
                .set("size", size).set("offset", (long) page * size)
                .list(this::event);
    }

    public long count(Filter filter) {
        return filtered(sql.of("SELECT count(*) FROM audit_event" + WHERE), filter).number();
    }

    private static Sql.Statement filtered(Sql.Statement statement, Filter filter) {
        return statement.set("entity", filter.entity()).set("key", filter.key()).set("actor", filter.actor())
                .set("from", filter.from()).set("to", filter.to());
    }

    private AuditEvent event(ResultSet rows) throws SQLException {
        return new AuditEvent(rows.getLong("id"), DistrictTime.local(JdbcValues.instant(rows, "at")),
                rows.getString("actor"), AuditedEntity.valueOf(rows.getString("entity")), rows.getString("entity_key"),
                rows.getString("action"), read(rows.getString("before")), read(rows.getString("after")));
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
