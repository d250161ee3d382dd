package harvest.drying;

import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import harvest.system.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Drying movements in plain SQL: occupancy is a sum over them, which a repository cannot express. */
@Singleton
@Connectable
public class MovementStore {
    /** Intake counts up, outflow down: what a site (or a field's grain) holds is the sum. */
    private static final String SIGNED = "CASE kind WHEN 'INTAKE' THEN tonnes ELSE -tonnes END";

    private final Sql sql;

    public MovementStore(Sql sql) {
        this.sql = sql;
    }

    /** A site's intake on a day and what it holds now. */
    public record Totals(BigDecimal intakeOnDay, BigDecimal held) {
        public static final Totals NONE = new Totals(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * Locks a site's row until the transaction ends, so that two intakes cannot both take its last room;
     * false when no site has the code.
     */
    public boolean lockSite(String code) {
        return lock("SELECT 1 FROM drying_site WHERE code = :code FOR UPDATE", code);
    }

    /** Locks a field's row, so that its grain's balance and its status change together; false when there is none. */
    public boolean lockField(String code) {
        return lock("SELECT 1 FROM field WHERE code = :code FOR UPDATE", code);
    }

    public DryingMovement insert(String site, String field, MovementKind kind, BigDecimal tonnes, Instant at, String actor) {
        LocalDate day = at.atZone(DistrictTime.ZONE).toLocalDate();
        return sql.of("""
                INSERT INTO drying_movement (site_code, field_code, kind, tonnes, at, day, actor)
                VALUES (:site, :field, :kind, :tonnes, :at, :day, :actor) RETURNING id, tonnes""")
                .set("site", site).set("field", field).set("kind", kind).set("tonnes", tonnes).set("at", at).set("day", day)
                .set("actor", actor)
                .first(rows -> new DryingMovement(rows.getLong(1), site, field, kind, rows.getBigDecimal(2),
                        DistrictTime.local(at), day, actor))
                .orElseThrow();
    }

    /** Each site's totals; a site without movements is absent. */
    public Map<String, Totals> totals(Collection<String> sites, LocalDate day) {
        return sql.of("""
                SELECT site_code, coalesce(sum(tonnes) FILTER (WHERE kind = 'INTAKE' AND day = :day), 0), sum(%s)
                FROM drying_movement WHERE site_code = ANY (:sites) GROUP BY site_code""".formatted(SIGNED))
                .set("day", day).setArray("sites", "text", sites)
                .list(rows -> Map.entry(rows.getString(1), new Totals(rows.getBigDecimal(2), rows.getBigDecimal(3))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The tonnes of a field's grain a site holds now. */
    public BigDecimal held(String site, String field) {
        return tonnes(sql.of("SELECT coalesce(sum(" + SIGNED + "), 0) FROM drying_movement WHERE site_code = :site AND field_code = :field")
                .set("site", site).set("field", field));
    }

    /** The tonnes of a field's grain at all sites together. */
    public BigDecimal held(String field) {
        return tonnes(sql.of("SELECT coalesce(sum(" + SIGNED + "), 0) FROM drying_movement WHERE field_code = :field").set("field", field));
    }

    /**
     * What the field's grain still to take in is: the tonnes operators reported harvested off it, less what sites
     * took in. Null when no harvest was reported (a field harvested before the work log, or set by hand).
     */
    public @Nullable BigDecimal notTakenIn(String field) {
        BigDecimal harvested = tonnes(sql.of("SELECT coalesce(sum(tonnes), 0) FROM harvest_work WHERE field_code = :field")
                .set("field", field));
        if (harvested.signum() == 0) {
            return null;
        }
        return harvested.subtract(tonnes(sql.of("""
                SELECT coalesce(sum(tonnes), 0) FROM drying_movement WHERE field_code = :field AND kind = 'INTAKE'""")
                .set("field", field)));
    }

    /** A site's movements on a day, in the order they happened. */
    public List<DryingMovement> onDay(String site, LocalDate day) {
        return sql.of("""
                SELECT id, field_code, kind, tonnes, at, actor FROM drying_movement
                WHERE site_code = :site AND day = :day ORDER BY at, id""")
                .set("site", site).set("day", day)
                .list(rows -> new DryingMovement(rows.getLong("id"), site, rows.getString("field_code"),
                        MovementKind.valueOf(rows.getString("kind")), rows.getBigDecimal("tonnes"),
                        DistrictTime.local(JdbcValues.instant(rows, "at")), day, rows.getString("actor")));
    }

    private boolean lock(String statement, String code) {
        return sql.of(statement).set("code", code).first(rows -> true).isPresent();
    }

    private static BigDecimal tonnes(Sql.Statement sum) {
        return sum.first(rows -> rows.getBigDecimal(1)).orElseThrow();
    }
}
