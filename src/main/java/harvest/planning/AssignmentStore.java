package harvest.planning;

import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import harvest.system.Sql;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The assignment rows of plans: written once when a plan is solved, then following the work on the published one. */
@Singleton
@Connectable
public class AssignmentStore {
    private static final String ASSIGNMENT_COLUMNS = """
            chunk_id, field_code, machine_code, sequence, start_at, end_at, area_mu, yield_kg, drying_site_code,
            team_code, travel_km, status, pinned, needs_replan""";
    /** The work reported on a chunk counts in every plan the chunk is in. */
    private static final String ASSIGNMENT_READ = ASSIGNMENT_COLUMNS + """
            , (SELECT coalesce(sum(w.mu), 0) FROM harvest_work w WHERE w.chunk_id = a.chunk_id) AS done_mu
            FROM plan_assignment a""";

    private final Sql sql;

    public AssignmentStore(Sql sql) {
        this.sql = sql;
    }

    /** A solved plan's assignments, in the caller's transaction. */
    void insertAll(long id, List<Assignment> assignments) {
        sql.of("INSERT INTO plan_assignment (plan_id, " + ASSIGNMENT_COLUMNS + ") VALUES (:plan, :chunk, :field, :machine,"
                        + " :sequence, :start, :end, :areaMu, :yieldKg, :dryingSite, :team, :travelKm, :status, :pinned, :needsReplan)")
                .set("plan", id)
                .batch(assignments, (statement, a) -> statement.set("chunk", a.chunkId()).set("field", a.fieldCode())
                        .set("machine", a.machineCode()).set("sequence", a.sequence()).set("start", a.start().toInstant())
                        .set("end", a.end().toInstant()).set("areaMu", a.areaMu()).set("yieldKg", a.yieldKg())
                        .set("dryingSite", a.dryingSiteCode()).set("team", a.teamCode()).set("travelKm", a.travelKm())
                        .set("status", a.status()).set("pinned", a.pinned()).set("needsReplan", a.needsReplan()));
    }

    /** Field codes the plan has work on. */
    List<String> fieldCodes(long planId) {
        return sql.of("SELECT DISTINCT field_code FROM plan_assignment WHERE plan_id = :plan").set("plan", planId).strings();
    }

    /** Fields the published plan has work on that plan {@code planId} leaves out. */
    List<String> fieldsLeftOutBy(long planId) {
        return sql.of("""
                SELECT DISTINCT a.field_code FROM plan_assignment a JOIN plan p ON p.id = a.plan_id
                WHERE p.publication = 'PUBLISHED' AND a.field_code NOT IN (SELECT field_code FROM plan_assignment WHERE plan_id = :plan)""")
                .set("plan", planId).strings();
    }

    /**
     * Work started or finished on the old plan after the revision was solved stays started or finished: those are
     * facts about the field, whatever the revision had planned for the chunk.
     */
    void carryOverWork(long from, long to) {
        sql.of("""
                UPDATE plan_assignment n SET status = o.status
                FROM plan_assignment o
                WHERE n.plan_id = :to AND o.plan_id = :from AND o.chunk_id = n.chunk_id
                  AND o.status IN ('IN_PROGRESS', 'DONE') AND n.status NOT IN ('IN_PROGRESS', 'DONE')""")
                .set("to", to).set("from", from).update();
    }

    /** Flags these chunks of plan {@code planId} for the next revision. */
    public void flag(long planId, Collection<String> chunkIds) {
        sql.of("UPDATE plan_assignment SET needs_replan = true WHERE plan_id = :plan AND chunk_id = ANY (:chunks)")
                .set("plan", planId).setArray("chunks", "text", chunkIds).update();
    }

    /** Chunks an operator reported finished, in whichever plan: they are never planned again. */
    public Set<String> finishedChunks() {
        return finishedBy(null);
    }

    /** Chunks reported finished by {@code at} (the daily report asks about past days); all of them if null. */
    public Set<String> finishedBy(@Nullable Instant at) {
        return new HashSet<>(sql.of("SELECT chunk_id FROM harvest_work WHERE finished AND (:at::timestamptz IS NULL OR at <= :at)")
                .set("at", at).strings());
    }

    /** In itinerary order (combine, then sequence), optionally for one combine or one field. */
    public List<Assignment> list(long planId, @Nullable String machine, @Nullable String field) {
        return sql.of("SELECT " + ASSIGNMENT_READ + " WHERE plan_id = :plan"
                        + " AND (:machine::text IS NULL OR machine_code = :machine) AND (:field::text IS NULL OR field_code = :field)"
                        + " ORDER BY machine_code, sequence")
                .set("plan", planId).set("machine", machine).set("field", field).list(AssignmentStore::assignment);
    }

    /**
     * The assignment and its field, locked for the caller's transaction (so two parts of a field finishing at
     * once see each other); only the published plan's work moves.
     */
    public Assignment lockPublished(long planId, String chunkId) {
        // shared with other work on the plan; a publication waits for it
        Publication publication = sql.of("SELECT publication FROM plan WHERE id = :plan FOR SHARE").set("plan", planId)
                .first(rows -> Publication.valueOf(rows.getString(1)))
                .orElseThrow(() -> ProblemException.notFound("plan " + planId));
        if (publication != Publication.PUBLISHED) {
            throw new ProblemException(ProblemType.PLAN_NOT_PUBLISHED, "plan " + planId + " is " + publication
                    + "; only the published plan's assignments follow the work");
        }
        Assignment locked = sql.of("SELECT " + ASSIGNMENT_READ + " WHERE plan_id = :plan AND chunk_id = :chunk FOR UPDATE OF a")
                .set("plan", planId).set("chunk", chunkId).first(AssignmentStore::assignment)
                .orElseThrow(() -> ProblemException.notFound("assignment " + chunkId + " of plan " + planId));
        sql.of("SELECT 1 FROM field WHERE code = :code FOR UPDATE").set("code", locked.fieldCode()).first(rows -> true);
        return locked;
    }

    public void setStatus(long planId, String chunkId, AssignmentStatus status) {
        sql.of("UPDATE plan_assignment SET status = :status WHERE plan_id = :plan AND chunk_id = :chunk")
                .set("status", status).set("plan", planId).set("chunk", chunkId).update();
    }

    /** Moves every PLANNED one of these chunks of plan {@code planId} to NOTIFIED; returns those moved. */
    public List<String> notified(long planId, Collection<String> chunkIds) {
        return sql.of("""
                UPDATE plan_assignment SET status = 'NOTIFIED'
                WHERE plan_id = :plan AND chunk_id = ANY (:chunks) AND status = 'PLANNED' RETURNING chunk_id""")
                .set("plan", planId).setArray("chunks", "text", chunkIds).strings();
    }

    /** These chunks of plan {@code planId}, in itinerary order. */
    public List<Assignment> teamTasks(long planId, String team) {
        return sql.of("SELECT " + ASSIGNMENT_READ + " WHERE plan_id = :plan AND team_code = :team ORDER BY start_at, machine_code")
                .set("plan", planId).set("team", team).list(AssignmentStore::assignment);
    }

    public List<Assignment> list(long planId, Collection<String> chunkIds) {
        return sql.of("SELECT " + ASSIGNMENT_READ + " WHERE plan_id = :plan AND chunk_id = ANY (:chunks) ORDER BY machine_code, sequence")
                .set("plan", planId).setArray("chunks", "text", chunkIds).list(AssignmentStore::assignment);
    }

    private static Assignment assignment(ResultSet rows) throws SQLException {
        return new Assignment(rows.getString("chunk_id"), rows.getString("field_code"), rows.getString("machine_code"),
                rows.getInt("sequence"), DistrictTime.local(JdbcValues.instant(rows, "start_at")),
                DistrictTime.local(JdbcValues.instant(rows, "end_at")), rows.getDouble("area_mu"),
                rows.getDouble("yield_kg"), rows.getString("drying_site_code"), rows.getString("team_code"),
                rows.getDouble("travel_km"), AssignmentStatus.valueOf(rows.getString("status")), rows.getDouble("done_mu"),
                rows.getBoolean("pinned"), rows.getBoolean("needs_replan"));
    }
}
