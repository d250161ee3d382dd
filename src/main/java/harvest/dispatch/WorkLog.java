package harvest.dispatch;

import harvest.planning.Assignment;
import harvest.system.Actor;
import harvest.system.DistrictTime;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * What operators harvested, as it was reported: the daily report counts mu and tonnes from here by day, and a
 * finished chunk is never planned again.
 */
@Singleton
@Connectable
public class WorkLog {
    private final JdbcOperations jdbc;

    public WorkLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds {@code mu} (done since the last report) and {@code tonnes} to the chunk of {@code assignment}. */
    public void add(long planId, Assignment assignment, double mu, double tonnes, boolean finished, Instant at) {
        jdbc.prepareStatement("""
                INSERT INTO harvest_work (chunk_id, field_code, machine_code, plan_id, mu, tonnes, finished, at, day, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setString(1, assignment.chunkId());
            statement.setString(2, assignment.fieldCode());
            statement.setString(3, assignment.machineCode());
            statement.setLong(4, planId);
            statement.setDouble(5, mu);
            statement.setDouble(6, tonnes);
            statement.setBoolean(7, finished);
            statement.setTimestamp(8, Timestamp.from(at));
            statement.setObject(9, at.atZone(DistrictTime.ZONE).toLocalDate());
            statement.setString(10, Actor.current());
            return statement.executeUpdate();
        });
    }
}
