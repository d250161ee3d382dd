package harvest.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Gives each test class a schema of its own, migrated by Flyway at start and dropped at the end. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest implements TestPropertyProvider {
    private final String schema = ("t_" + getClass().getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT);

    @Override
    public Map<String, String> getProperties() {
        TestPostgres.Server server = TestPostgres.server();
        Map<String, String> properties = new HashMap<>(Map.of(
                "datasources.default.url", server.url(),
                "datasources.default.username", server.username(),
                "datasources.default.password", server.password(),
                "datasources.default.maximum-pool-size", "4",
                "datasources.default.schema", schema));
        properties.putAll(extraProperties());
        return properties;
    }

    protected String schema() {
        return schema;
    }

    /** Runs {@code statement} in this class's schema on a connection of its own (committed at once). */
    protected void sql(String statement) throws SQLException {
        try (Connection connection = TestPostgres.server().connect(); Statement s = connection.createStatement()) {
            s.execute("SET search_path TO " + schema);
            s.execute(statement);
        }
    }

    /** Reads one row of a query's answer. */
    @FunctionalInterface
    protected interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs {@code query} in this class's schema on a connection of its own, as another client sees the data. */
    protected <T> List<T> rows(String query, Row<T> row) throws SQLException {
        try (Connection connection = TestPostgres.server().connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            List<T> read = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    read.add(row.read(rows));
                }
            }
            return read;
        }
    }

    /** Settings a test class needs on top of the database (e.g. a small body limit). */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @AfterAll
    void dropSchema() throws SQLException {
        try (Connection connection = TestPostgres.server().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
