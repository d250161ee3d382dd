package harvest.dispatch.report;

import harvest.system.JdbcValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What happened on a day, read from the work log, the drying sites' books and the breakdowns. */
@Singleton
@Connectable
class ReportQueries {
    private final JdbcOperations jdbc;

    ReportQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A field's harvest as of a day: mu that day and to date, tonnes to date, and when its last chunk finished. */
    record FieldWork(double todayMu, double toDateMu, double tonnes, @Nullable Instant lastFinished) {
        static final FieldWork NONE = new FieldWork(0, 0, 0, null);
    }

    /** One report of work on a field: mu done since the last, and the tonnes when it finished a chunk. */
    record Report(Instant at, double mu, double tonnes) {
    }

    Map<String, FieldWork> fieldWork(LocalDate day) {
        return jdbc.prepareStatement("""
                SELECT field_code, coalesce(sum(mu) FILTER (WHERE day = ?), 0) AS today_mu,
                       coalesce(sum(mu) FILTER (WHERE day <= ?), 0) AS to_date_mu,
                       coalesce(sum(tonnes) FILTER (WHERE day <= ?), 0) AS tonnes,
                       max(at) FILTER (WHERE finished) AS last_finished
                FROM harvest_work GROUP BY field_code""", statement -> {
            for (int i = 1; i <= 3; i++) {
                statement.setObject(i, day);
            }
            Map<String, FieldWork> work = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    work.put(rows.getString("field_code"), new FieldWork(rows.getDouble("today_mu"), rows.getDouble("to_date_mu"),
                            rows.getDouble("tonnes"), JdbcValues.instant(rows, "last_finished")));
                }
            }
            return work;
        });
    }

    /** Per field, the work reported on it up to the day, oldest first. */
    Map<String, List<Report>> reports(LocalDate day) {
        return jdbc.prepareStatement("SELECT field_code, at, mu, tonnes FROM harvest_work WHERE day <= ? ORDER BY field_code, at, id", statement -> {
            statement.setObject(1, day);
            Map<String, List<Report>> reports = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reports.computeIfAbsent(rows.getString(1), f -> new ArrayList<>())
                            .add(new Report(JdbcValues.instant(rows, "at"), rows.getDouble("mu"), rows.getDouble("tonnes")));
                }
            }
            return reports;
        });
    }

    /** Chunks reported finished by {@code at}. */
    Set<String> finishedBy(Instant at) {
        return codesAt("SELECT chunk_id FROM harvest_work WHERE finished AND at <= ?", at);
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

    Set<String> brokenAt(Instant at) {
        return codesAt("SELECT machine_code FROM machine_breakdown WHERE reported_at <= ? AND (repaired_at IS NULL OR repaired_at > ?)", at);
    }

    /** Tonnes each field's grain drying sites took in up to the day. */
    Map<String, Double> takenInToDate(LocalDate day) {
        return tonnes("SELECT field_code, sum(tonnes) FROM drying_movement WHERE kind = 'INTAKE' AND day <= ? GROUP BY field_code", day);
    }

    /** Tonnes each drying site took in that day. */
    Map<String, Double> intakeOn(LocalDate day) {
        return tonnes("SELECT site_code, sum(tonnes) FROM drying_movement WHERE kind = 'INTAKE' AND day = ? GROUP BY site_code", day);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** The codes {@code sql} selects with every parameter set to {@code at}. */
    private Set<String> codesAt(String sql, Instant at) {
        long parameters = sql.chars().filter(c -> c == '?').count();
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 1; i <= parameters; i++) {
                statement.setTimestamp(i, Timestamp.from(at));
            }
            Set<String> codes = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
            return codes;
        });
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
