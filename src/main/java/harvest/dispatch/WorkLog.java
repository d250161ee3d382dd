package harvest.dispatch;

import harvest.planning.Assignment;
import harvest.system.Actor;
import harvest.system.DistrictTime;
import harvest.system.Sql;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

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

    private final Sql sql;

    public WorkLog(Sql sql) {
        this.sql = sql;
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
        double finishedChunkMu = sql.of("SELECT coalesce(sum(chunk_mu), 0) FROM harvest_work WHERE field_code = :field AND finished")
                .set("field", fieldCode).first(rows -> rows.getDouble(1)).orElseThrow();
        return cover(finishedChunkMu, areaMu);
    }

    /** The one rule for a harvested field: the planned areas of its finished chunks add up to its area. */
    public static boolean cover(double finishedChunkMu, double areaMu) {
        return finishedChunkMu >= areaMu - COVER_TOLERANCE_MU;
    }

    private void add(long planId, Assignment assignment, double mu, double tonnes, boolean finished, Instant at) {
        sql.of("""
                INSERT INTO harvest_work (chunk_id, field_code, machine_code, plan_id, mu, tonnes, finished, chunk_mu, at, day, actor)
                VALUES (:chunk, :field, :machine, :plan, :mu, :tonnes, :finished, :chunkMu, :at, :day, :actor)""")
                .set("chunk", assignment.chunkId()).set("field", assignment.fieldCode()).set("machine", assignment.machineCode())
                .set("plan", planId).set("mu", mu).set("tonnes", tonnes).set("finished", finished)
                .set("chunkMu", finished ? assignment.areaMu() : null).set("at", at)
                .set("day", at.atZone(DistrictTime.ZONE).toLocalDate()).set("actor", Actor.current())
                .update();
    }
}
