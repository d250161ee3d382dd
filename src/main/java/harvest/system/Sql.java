package harvest.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hand-written SQL with named parameters ({@code :name}) on the caller's connection and transaction, for what
 * Micronaut Data's repositories cannot say: {@code SKIP LOCKED}, advisory locks, batched {@code RETURNING}, updates
 * guarded by a state. A name may appear several times ({@code :street::text IS NULL OR street = :street}) and is
 * bound once; a name the statement uses but the caller did not set fails before anything runs.
 */
@Singleton
public final class Sql {
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    private final JdbcOperations jdbc;

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Statement of(String sql) {
        return new Statement(PARSED.computeIfAbsent(sql, Parsed::parse));
    }

    /**
     * Serialises work on one key across transactions and service instances: a PostgreSQL advisory lock, held until
     * the caller's transaction ends, for checks like "count, then insert" that no row lock covers.
     */
    public void lockUntilCommit(String key) {
        of("SELECT pg_advisory_xact_lock(hashtext(:key))").set("key", key).strings();
    }

    /** Reads one row; the result set is already on it. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Sets one item's values for a batched statement. */
    @FunctionalInterface
    public interface ItemValues<T> {
        void set(Statement statement, T item);
    }

    /** A PostgreSQL array value: {@code elementType} is its SQL element type ({@code text}, {@code bigint}). */
    public record Array(String elementType, Collection<?> values) {
    }

    public final class Statement {
        private final Parsed parsed;
        private final Map<String, Object> values = new HashMap<>();

        private Statement(Parsed parsed) {
            this.parsed = parsed;
        }

        public Statement set(String name, @Nullable Object value) {
            if (!parsed.names().contains(name)) {
                throw new IllegalArgumentException("the statement has no parameter :" + name);
            }
            values.put(name, value);
            return this;
        }

        public Statement setArray(String name, String elementType, Collection<?> elements) {
            return set(name, new Array(elementType, elements));
        }

        /** Rows changed. */
        public int update() {
            return jdbc.prepareStatement(parsed.jdbcSql(), statement -> {
                bind(statement);
                return statement.executeUpdate();
            });
        }

        public <T> List<T> list(Row<T> row) {
            return jdbc.prepareStatement(parsed.jdbcSql(), statement -> {
                bind(statement);
                List<T> read = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        read.add(row.read(rows));
                    }
                }
                return read;
            });
        }

        /** The first row, if any. */
        public <T> Optional<T> first(Row<T> row) {
            return jdbc.prepareStatement(parsed.jdbcSql(), statement -> {
                bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(row.read(rows)) : Optional.empty();
                }
            });
        }

        /** The first column of every row, as text. */
        public List<String> strings() {
            return list(rows -> rows.getString(1));
        }

        /** A single number, such as a count. */
        public long number() {
            return first(rows -> rows.getLong(1)).orElseThrow();
        }

        /**
         * One execution per item, sent together. Values set on the statement before are shared by every item;
         * {@code itemValues} sets the rest.
         */
        public <T> void batch(Collection<T> items, ItemValues<? super T> itemValues) {
            if (items.isEmpty()) {
                return;
            }
            Map<String, Object> shared = new HashMap<>(values);
            jdbc.prepareStatement(parsed.jdbcSql(), statement -> {
                for (T item : items) {
                    values.clear();
                    values.putAll(shared);
                    itemValues.set(this, item);
                    bind(statement);
                    statement.addBatch();
                }
                return statement.executeBatch();
            });
        }

        private void bind(PreparedStatement statement) throws SQLException {
            List<String> names = parsed.positions();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalStateException("no value for :" + name);
                }
                bindValue(statement, i + 1, values.get(name));
            }
        }
    }

    private static void bindValue(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.NULL);
            case Instant instant -> statement.setTimestamp(index, Timestamp.from(instant));
            case Enum<?> constant -> statement.setString(index, constant.name());
            case Array array -> statement.setArray(index,
                    statement.getConnection().createArrayOf(array.elementType(), array.values().toArray()));
            default -> statement.setObject(index, value);
        }
    }

    /** The statement as JDBC wants it ({@code ?} per use) and which name each position takes. */
    record Parsed(String jdbcSql, List<String> positions, Set<String> names) {

        static Parsed parse(String sql) {
            StringBuilder jdbcSql = new StringBuilder(sql.length());
            List<String> positions = new ArrayList<>();
            int i = 0;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"') {
                    int end = sql.indexOf(c, i + 1);
                    end = end < 0 ? sql.length() : end + 1;
                    jdbcSql.append(sql, i, end);
                    i = end;
                } else if (c == '-' && sql.startsWith("--", i)) {
                    int end = sql.indexOf('\n', i);
                    end = end < 0 ? sql.length() : end;
                    jdbcSql.append(sql, i, end);
                    i = end;
                } else if (c == ':' && sql.startsWith("::", i)) {
                    jdbcSql.append("::");
                    i += 2;
                } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                        end++;
                    }
                    positions.add(sql.substring(i + 1, end));
                    jdbcSql.append('?');
                    i = end;
                } else if (c == '?') {
                    throw new IllegalArgumentException("positional parameter in named SQL: " + sql);
                } else {
                    jdbcSql.append(c);
                    i++;
                }
            }
            return new Parsed(jdbcSql.toString(), List.copyOf(positions), Set.copyOf(positions));
        }
    }
}
