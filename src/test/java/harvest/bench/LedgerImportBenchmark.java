package harvest.bench;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import harvest.testing.TestPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * How long the demo district takes to import through the API, against a baseline of the same rows written by
 * a bare JDBC batch in the same process: the ratio is the price of parsing, validation, reference checks and
 * the HTTP round trip. Run with {@code ./mvnw test -Pbenchmark}.
 */
@MicronautTest
@Tag("benchmark")
class LedgerImportBenchmark extends DatabaseTest {
    private static final int WARMUPS = 3;
    private static final int RUNS = 7;
    private static final Map<String, String> TABLES = Map.of("communities", "community", "farmers", "farmer",
            "fields", "field", "machines", "machine", "drying_sites", "drying_site", "teams", "team", "aid_stations", "aid_station");
    private static final Set<String> ARRAY_COLUMNS = Set.of("crops", "offers");

    @Inject
    Api api;

    @Test
    void demo_district_import() throws Exception {
        Map<String, byte[]> files = Files.demoDistrict();
        byte[] zip = Files.zip(files);

        long baseline = median(() -> bareJdbcInsert(files));
        long dryRun = median(() -> importThroughApi(zip, true));
        long committed = importThroughApi(zip, false);

        System.out.printf("%n%-44s %10s %8s%n", "demo district (1,079 rows, 7 ledgers)", "median ms", "ratio");
        System.out.printf("%-44s %10.1f %8.2f%n", "baseline: bare JDBC batch insert, rolled back", baseline / 1e6, 1.0);
        System.out.printf("%-44s %10.1f %8.2f%n", "API import, dry run (all work, rolled back)", dryRun / 1e6, (double) dryRun / baseline);
        System.out.printf("%-44s %10.1f %8.2f%n%n", "API import, committed into an empty schema", committed / 1e6, (double) committed / baseline);
    }

    private long importThroughApi(byte[] zip, boolean dryRun) {
        long start = System.nanoTime();
        Api.Reply reply = api.upload("/api/v1/ledgers/bundle?dryRun=" + dryRun, Files.ZIP, zip);
        long elapsed = System.nanoTime() - start;
        if (reply.status() != 200) {
            throw new IllegalStateException(reply.toString());
        }
        return elapsed;
    }

    /** The same rows, in the same order, into the same tables, with nothing checked but the database's own rules. */
    private long bareJdbcInsert(Map<String, byte[]> files) {
        long start = System.nanoTime();
        try (Connection connection = TestPostgres.server().connect()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("SET search_path TO " + schema());
            for (String ledger : Files.LEDGERS) {
                insert(connection, TABLES.get(ledger), files.get(ledger + ".csv"));
            }
            connection.rollback();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - start;
    }

    private static void insert(Connection connection, String table, byte[] csv) throws SQLException, IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            List<String> columns = parser.getHeaderNames();
            String sql = "INSERT INTO " + table + " (" + String.join(",", columns) + ") VALUES ("
                    + String.join(",", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (CSVRecord record : parser) {
                    for (int i = 0; i < columns.size(); i++) {
                        String value = record.get(i);
                        if (ARRAY_COLUMNS.contains(columns.get(i))) {
                            statement.setArray(i + 1, connection.createArrayOf("text", value.split(";")));
                        } else {
                            statement.setObject(i + 1, value.isEmpty() ? null : value, java.sql.Types.OTHER);
                        }
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    private static long median(LongSupplier run) {
        for (int i = 0; i < WARMUPS; i++) {
            run.getAsLong();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            times.add(run.getAsLong());
        }
        Collections.sort(times);
        return times.get(RUNS / 2);
    }
}
