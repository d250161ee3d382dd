package harvest.dispatch.report;

import harvest.system.JdbcValues;
import harvest.system.Sql;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What happened on a day, read from the work log, the drying sites' books and the breakdowns. */
@Singleton
@Connectable
class ReportQueries {
    private final Sql sql;

    ReportQueries(Sql sql) {
        this.sql = sql;
    }

    /**
     * One report of work on a field: the mu done since the last, and, when it finished a chunk, the tonnes and the
     * chunk's planned area.
     */
    record Report(Instant at, LocalDate day, double mu, double tonnes, double chunkMu) {
    }

    private record FieldReport(String field, Report report) {
    }

    /** Per field, the work reported on it up to the day, oldest first. */
    Map<String, List<Report>> reports(LocalDate day) {
        return sql.of("SELECT field_code, at, day, mu, tonnes, coalesce(chunk_mu, 0) AS chunk_mu FROM harvest_work"
                        + " WHERE day <= :day ORDER BY field_code, at, id")
                .set("day", day).list(ReportQueries::fieldReport).stream()
                .collect(Collectors.groupingBy(FieldReport::field, Collectors.mapping(FieldReport::report, Collectors.toList())));
    }

    /** Per field, chunks finished that day that had a volunteer team with them. */
    Map<String, Integer> teamTasksDone(LocalDate day) {
        return byCode(sql.of("""
                SELECT w.field_code, count(*) FROM harvest_work w
                JOIN plan_assignment a ON a.plan_id = w.plan_id AND a.chunk_id = w.chunk_id
                WHERE w.finished AND w.day = :day AND a.team_code IS NOT NULL GROUP BY w.field_code""")
                .set("day", day).list(rows -> Map.entry(rows.getString(1), rows.getInt(2))));
    }

    /** Each combine that reported work that day, with the field of its latest report. */
    Map<String, String> lastFieldWorked(LocalDate day) {
        return byCode(sql.of("SELECT DISTINCT ON (machine_code) machine_code, field_code FROM harvest_work WHERE day = :day"
                + " ORDER BY machine_code, at DESC").set("day", day).list(ReportQueries::codePair));
    }

    /** Combines at work on the published plan right now, with the field they are on. */
    Map<String, String> workingNow() {
        return byCode(sql.of("""
                SELECT a.machine_code, a.field_code FROM plan_assignment a JOIN plan p ON p.id = a.plan_id
                WHERE p.publication = 'PUBLISHED' AND a.status = 'IN_PROGRESS'""").list(ReportQueries::codePair));
    }

    /** Tonnes each field's grain drying sites took in up to the day. */
    Map<String, Double> takenInToDate(LocalDate day) {
        return byCode(sql.of("""
                SELECT field_code, sum(tonnes) FROM drying_movement WHERE kind = 'INTAKE' AND day <= :day GROUP BY field_code""")
                .set("day", day).list(rows -> Map.entry(rows.getString(1), rows.getDouble(2))));
    }

    private static FieldReport fieldReport(ResultSet rows) throws SQLException {
        return new FieldReport(rows.getString("field_code"), new Report(JdbcValues.instant(rows, "at"),
                rows.getObject("day", LocalDate.class), rows.getDouble("mu"), rows.getDouble("tonnes"), rows.getDouble("chunk_mu")));
    }

    private static Map.Entry<String, String> codePair(ResultSet rows) throws SQLException {
        return Map.entry(rows.getString(1), rows.getString(2));
    }

    private static <V> Map<String, V> byCode(List<Map.Entry<String, V>> rows) {
        return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (earlier, later) -> later));
    }
}
