package harvest.dispatch;

import harvest.planning.Assignment;
import harvest.system.Actor;
import harvest.system.DistrictTime;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * What operators harvested, as it was reported: the daily report counts mu and tonnes from here by day, and a
 * finished chunk is never planned again.
 */
@Singleton
@Connectable
public class WorkLog {
    /** Chunk areas are rounded to the hundredth; a field's parts may add up a little short of it. */
    private static final double COVER_TOLERANCE_MU = 0.05;

    private final JdbcOperations jdbc;

    public WorkLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds {@code mu} done since the last report to the chunk of {@code assignment}. */
    public void progress(long planId, Assignment assignment, double mu, Instant at) {
        add(planId, assignment, mu, 0, false, at);
    }

    /** Adds the rest of the chunk's {@code mu} and its {@code tonnes}: the chunk is harvested. */
    public void finished(long planId, Assignment assignment, double mu, double tonnes, Instant at) {
        add(planId, assignment, mu, tonnes, true, at);
    }

    /** Whether the chunks finished on the field, over every plan, cover its area. */
    public boolean covers(String fieldCode, double areaMu) {
        return jdbc.prepareStatement("SELECT coalesce(sum(chunk_mu), 0) FROM harvest_work WHERE field_code = ? AND finished", statement -> {
            statement.setString(1, fieldCode);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return cover(rows.getDouble(1), areaMu);
            }
        });
    }

    /** The one rule for a harvested field: the planned areas of its finished chunks add up to its area. */
    public static boolean cover(double finishedChunkMu, double areaMu) {
        return finishedChunkMu >= areaMu - COVER_TOLERANCE_MU;
    }

    private void add(long planId, Assignment assignment, double mu, double tonnes, boolean finished, Instant at) {
        jdbc.prepareStatement("""
                INSERT INTO harvest_work (chunk_id, field_code, machine_code, plan_id, mu, tonnes, finished, chunk_mu, at, day, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setString(1, assignment.chunkId());
            statement.setString(2, assignment.fieldCode());
            statement.setString(3, assignment.machineCode());
            statement.setLong(4, planId);
            statement.setDouble(5, mu);
            statement.setDouble(6, tonnes);
            statement.setBoolean(7, finished);
            statement.setObject(8, finished ? assignment.areaMu() : null, Types.NUMERIC);
            statement.setTimestamp(9, Timestamp.from(at));
            statement.setObject(10, at.atZone(DistrictTime.ZONE).toLocalDate());
            statement.setString(11, Actor.current());
            return statement.executeUpdate();
        });
    }
}
