package harvest.dispatch.report;

import harvest.system.JdbcValues;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What happened on a day, read from the work log, the drying sites' books and the breakdowns. */
@Singleton
@Connectable
class ReportQueries {
    private final JdbcOperations jdbc;

    ReportQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One report of work on a field: the mu done since the last, and, when it finished a chunk, the tonnes and the
     * chunk's planned area.
     */
    record Report(Instant at, LocalDate day, double mu, double tonnes, double chunkMu) {
    }

    /** Per field, the work reported on it up to the day, oldest first. */
    Map<String, List<Report>> reports(LocalDate day) {
        return jdbc.prepareStatement("SELECT field_code, at, day, mu, tonnes, coalesce(chunk_mu, 0) AS chunk_mu FROM harvest_work"
                + " WHERE day <= ? ORDER BY field_code, at, id", statement -> {
            statement.setObject(1, day);
            Map<String, List<Report>> reports = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reports.computeIfAbsent(rows.getString(1), f -> new ArrayList<>())
                            .add(new Report(JdbcValues.instant(rows, "at"), rows.getObject("day", LocalDate.class), rows.getDouble("mu"),
                                    rows.getDouble("tonnes"), rows.getDouble("chunk_mu")));
                }
            }
            return reports;
        });
    }

    /** Per field, chunks finished that day that had a volunteer team with them. */
    Map<String, Integer> teamTasksDone(LocalDate day) {
        return jdbc.prepareStatement("""
                SELECT w.field_code, count(*) FROM harvest_work w
                JOIN plan_assignment a ON a.plan_id = w.plan_id AND a.chunk_id = w.chunk_id
                WHERE w.finished AND w.day = ? AND a.team_code IS NOT NULL GROUP BY w.field_code""", statement -> {
            statement.setObject(1, day);
            Map<String, Integer> done = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    done.put(rows.getString(1), rows.getInt(2));
                }
            }
            return done;
        });
    }

    /** Each combine that reported work that day, with the field of its latest report. */
    Map<String, String> lastFieldWorked(LocalDate day) {
        return codePairs("SELECT DISTINCT ON (machine_code) machine_code, field_code FROM harvest_work WHERE day = ?"
                + " ORDER BY machine_code, at DESC", statement -> statement.setObject(1, day));
    }

    /** Combines at work on the published plan right now, with the field they are on. */
    Map<String, String> workingNow() {
        return codePairs("""
                SELECT a.machine_code, a.field_code FROM plan_assignment a JOIN plan p ON p.id = a.plan_id
                WHERE p.publication = 'PUBLISHED' AND a.status = 'IN_PROGRESS'""", statement -> { });
    }

    /** Tonnes each field's grain drying sites took in up to the day. */
    Map<String, Double> takenInToDate(LocalDate day) {
        return tonnes("SELECT field_code, sum(tonnes) FROM drying_movement WHERE kind = 'INTAKE' AND day <= ? GROUP BY field_code", day);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Map<String, String> codePairs(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            Map<String, String> pairs = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pairs.put(rows.getString(1), rows.getString(2));
                }
            }
            return pairs;
        });
    }

    private Map<String, Double> tonnes(String sql, LocalDate day) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, day);
            Map<String, Double> tonnes = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tonnes.put(rows.getString(1), rows.getDouble(2));
                }
            }
            return tonnes;
        });
    }
}
