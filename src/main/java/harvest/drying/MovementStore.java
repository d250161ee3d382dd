package harvest.drying;

import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drying movements in plain SQL: occupancy is a sum over them, which a repository cannot express. */
@Singleton
@Connectable
public class MovementStore {
    /** Intake counts up, outflow down: what a site (or a field's grain) holds is the sum. */
    private static final String SIGNED = "CASE kind WHEN 'INTAKE' THEN tonnes ELSE -tonnes END";

    private final JdbcOperations jdbc;

    public MovementStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
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
        return lock("SELECT 1 FROM drying_site WHERE code = ? FOR UPDATE", code);
    }

    /** Locks a field's row, so that its grain's balance and its status change together; false when there is none. */
    public boolean lockField(String code) {
        return lock("SELECT 1 FROM field WHERE code = ? FOR UPDATE", code);
    }

    public DryingMovement insert(String site, String field, MovementKind kind, BigDecimal tonnes, Instant at, String actor) {
        LocalDate day = at.atZone(DistrictTime.ZONE).toLocalDate();
        return jdbc.prepareStatement("""
                INSERT INTO drying_movement (site_code, field_code, kind, tonnes, at, day, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id, tonnes""", statement -> {
            statement.setString(1, site);
            statement.setString(2, field);
            statement.setString(3, kind.name());
            statement.setBigDecimal(4, tonnes);
            statement.setTimestamp(5, Timestamp.from(at));
            statement.setDate(6, Date.valueOf(day));
            statement.setString(7, actor);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new DryingMovement(rows.getLong(1), site, field, kind, rows.getBigDecimal(2), DistrictTime.local(at), day, actor);
            }
        });
    }

    /** Each site's totals; a site without movements is absent. */
    public Map<String, Totals> totals(Collection<String> sites, LocalDate day) {
        return jdbc.prepareStatement("""
                SELECT site_code, coalesce(sum(tonnes) FILTER (WHERE kind = 'INTAKE' AND day = ?), 0), sum(%s)
                FROM drying_movement WHERE site_code = ANY (?) GROUP BY site_code""".formatted(SIGNED), statement -> {
            statement.setDate(1, Date.valueOf(day));
            statement.setArray(2, statement.getConnection().createArrayOf("text", sites.toArray()));
            Map<String, Totals> totals = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getString(1), new Totals(rows.getBigDecimal(2), rows.getBigDecimal(3)));
                }
            }
            return totals;
        });
    }

    /** The tonnes of a field's grain a site holds now. */
    public BigDecimal held(String site, String field) {
        return sum("SELECT coalesce(sum(" + SIGNED + "), 0) FROM drying_movement WHERE site_code = ? AND field_code = ?", site, field);
    }

    /** The tonnes of a field's grain at all sites together. */
    public BigDecimal held(String field) {
        return sum("SELECT coalesce(sum(" + SIGNED + "), 0) FROM drying_movement WHERE field_code = ?", field);
    }

    /**
     * What the field's grain still to take in is: the tonnes operators reported harvested off it, less what sites
     * took in. Null when no harvest was reported (a field harvested before the work log, or set by hand).
     */
    public @Nullable BigDecimal notTakenIn(String field) {
        BigDecimal harvested = sum("SELECT coalesce(sum(tonnes), 0) FROM harvest_work WHERE field_code = ?", field);
        return harvested.signum() == 0 ? null
                : harvested.subtract(sum("SELECT coalesce(sum(tonnes), 0) FROM drying_movement WHERE field_code = ? AND kind = 'INTAKE'", field));
    }

    /** A site's movements on a day, in the order they happened. */
    public List<DryingMovement> onDay(String site, LocalDate day) {
        return jdbc.prepareStatement("""
                SELECT id, field_code, kind, tonnes, at, actor FROM drying_movement
                WHERE site_code = ? AND day = ? ORDER BY at, id""", statement -> {
            statement.setString(1, site);
            statement.setDate(2, Date.valueOf(day));
            List<DryingMovement> movements = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    movements.add(new DryingMovement(rows.getLong("id"), site, rows.getString("field_code"),
                            MovementKind.valueOf(rows.getString("kind")), rows.getBigDecimal("tonnes"),
                            DistrictTime.local(JdbcValues.instant(rows, "at")), day, rows.getString("actor")));
                }
            }
            return movements;
        });
    }

    private boolean lock(String sql, String code) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, code);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    private BigDecimal sum(String sql, String... codes) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < codes.length; i++) {
                statement.setString(i + 1, codes[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        });
    }
}
