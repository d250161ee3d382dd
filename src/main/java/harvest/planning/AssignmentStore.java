package harvest.planning;

import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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


    private final JdbcOperations jdbc;

    public AssignmentStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A solved plan's assignments, in the caller's transaction. */
    void insertAll(long id, List<Assignment> assignments) {
        jdbc.prepareStatement("INSERT INTO plan_assignment (plan_id, " + ASSIGNMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    for (Assignment a : assignments) {
                        statement.setLong(1, id);
                        statement.setString(2, a.chunkId());
                        statement.setString(3, a.fieldCode());
                        statement.setString(4, a.machineCode());
                        statement.setInt(5, a.sequence());
                        statement.setTimestamp(6, Timestamp.from(a.start().toInstant()));
                        statement.setTimestamp(7, Timestamp.from(a.end().toInstant()));
                        statement.setDouble(8, a.areaMu());
                        statement.setDouble(9, a.yieldKg());
                        statement.setString(10, a.dryingSiteCode());
                        statement.setString(11, a.teamCode());
                        statement.setDouble(12, a.travelKm());
                        statement.setString(13, a.status().name());
                        statement.setBoolean(14, a.pinned());
                        statement.setBoolean(15, a.needsReplan());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }

    /** Field codes the plan has work on. */
    List<String> fieldCodes(long planId) {
        return jdbc.prepareStatement("SELECT DISTINCT field_code FROM plan_assignment WHERE plan_id = ?", statement -> {
            statement.setLong(1, planId);
            return JdbcValues.strings(statement);
        });
    }

    /** Fields the published plan has work on that plan {@code planId} leaves out. */
    List<String> fieldsLeftOutBy(long planId) {
        return jdbc.prepareStatement("""
                SELECT DISTINCT a.field_code FROM plan_assignment a JOIN plan p ON p.id = a.plan_id
                WHERE p.publication = 'PUBLISHED' AND a.field_code NOT IN (SELECT field_code FROM plan_assignment WHERE plan_id = ?)""", statement -> {
            statement.setLong(1, planId);
            return JdbcValues.strings(statement);
        });
    }

    /**
     * Work started or finished on the old plan after the revision was solved stays started or finished: those are
     * facts about the field, whatever the revision had planned for the chunk.
     */
    void carryOverWork(long from, long to) {
        jdbc.prepareStatement("""
                UPDATE plan_assignment n SET status = o.status
                FROM plan_assignment o
                WHERE n.plan_id = ? AND o.plan_id = ? AND o.chunk_id = n.chunk_id
                  AND o.status IN ('IN_PROGRESS', 'DONE') AND n.status NOT IN ('IN_PROGRESS', 'DONE')""", statement -> {
            statement.setLong(1, to);
            statement.setLong(2, from);
            return statement.executeUpdate();
        });
    }

    /** Flags these chunks of plan {@code planId} for the next revision. */
    public void flag(long planId, Collection<String> chunkIds) {
        jdbc.prepareStatement("UPDATE plan_assignment SET needs_replan = true WHERE plan_id = ? AND chunk_id = ANY (?)", statement -> {
            statement.setLong(1, planId);
            statement.setArray(2, statement.getConnection().createArrayOf("text", chunkIds.toArray()));
            return statement.executeUpdate();
        });
    }

    /** Chunks an operator reported finished, in whichever plan: they are never planned again. */
    public Set<String> finishedChunks() {
        return finishedBy(null);
    }

    /** Chunks reported finished by {@code at} (the daily report asks about past days); all of them if null. */
    public Set<String> finishedBy(@Nullable Instant at) {
        return jdbc.prepareStatement("SELECT chunk_id FROM harvest_work WHERE finished AND (?::timestamptz IS NULL OR at <= ?)", statement -> {
            Timestamp moment = at == null ? null : Timestamp.from(at);
            statement.setTimestamp(1, moment);
            statement.setTimestamp(2, moment);
            return new HashSet<>(JdbcValues.strings(statement));
        });
    }

    /** In itinerary order (combine, then sequence), optionally for one combine or one field. */
    public List<Assignment> list(long planId, @Nullable String machine, @Nullable String field) {
        return jdbc.prepareStatement("SELECT " + ASSIGNMENT_READ + " WHERE plan_id = ?"
                + " AND (?::text IS NULL OR machine_code = ?) AND (?::text IS NULL OR field_code = ?)"
                + " ORDER BY machine_code, sequence", statement -> {
            statement.setLong(1, planId);
            statement.setString(2, machine);
            statement.setString(3, machine);
            statement.setString(4, field);
            statement.setString(5, field);
            return assignments(statement);
        });
    }

    /**
     * The assignment and its field, locked for the caller's transaction (so two parts of a field finishing at
     * once see each other); only the published plan's work moves.
     */
    public Assignment lockPublished(long planId, String chunkId) {
        // shared with other work on the plan; a publication waits for it
        Publication publication = jdbc.prepareStatement("SELECT publication FROM plan WHERE id = ? FOR SHARE", statement -> {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(Publication.valueOf(rows.getString(1))) : Optional.<Publication>empty();
            }
        }).orElseThrow(() -> ProblemException.notFound("plan " + planId));
        if (publication != Publication.PUBLISHED) {
            throw new ProblemException(ProblemType.PLAN_NOT_PUBLISHED, "plan " + planId + " is " + publication
                    + "; only the published plan's assignments follow the work");
        }
        Assignment locked = jdbc.prepareStatement("SELECT " + ASSIGNMENT_READ + " WHERE plan_id = ? AND chunk_id = ? FOR UPDATE OF a", statement -> {
            statement.setLong(1, planId);
            statement.setString(2, chunkId);
            return assignments(statement).stream().findFirst();
        }).orElseThrow(() -> ProblemException.notFound("assignment " + chunkId + " of plan " + planId));
        jdbc.prepareStatement("SELECT 1 FROM field WHERE code = ? FOR UPDATE", statement -> {
            statement.setString(1, locked.fieldCode());
            return statement.executeQuery().next();
        });
        return locked;
    }

    public void setStatus(long planId, String chunkId, AssignmentStatus status) {
        jdbc.prepareStatement("UPDATE plan_assignment SET status = ? WHERE plan_id = ? AND chunk_id = ?", statement -> {
            statement.setString(1, status.name());
            statement.setLong(2, planId);
            statement.setString(3, chunkId);
            return statement.executeUpdate();
        });
    }

    /** Moves every PLANNED one of these chunks of plan {@code planId} to NOTIFIED; returns those moved. */
    public List<String> notified(long planId, Collection<String> chunkIds) {
        return jdbc.prepareStatement("""
                UPDATE plan_assignment SET status = 'NOTIFIED'
                WHERE plan_id = ? AND chunk_id = ANY (?) AND status = 'PLANNED' RETURNING chunk_id""", statement -> {
            statement.setLong(1, planId);
            statement.setArray(2, statement.getConnection().createArrayOf("text", chunkIds.toArray()));
            return JdbcValues.strings(statement);
        });
    }

    /** These chunks of plan {@code planId}, in itinerary order. */
    public List<Assignment> teamTasks(long planId, String team) {
        return jdbc.prepareStatement("SELECT " + ASSIGNMENT_READ + " WHERE plan_id = ? AND team_code = ? ORDER BY start_at, machine_code",
                statement -> {
                    statement.setLong(1, planId);
                    statement.setString(2, team);
                    return assignments(statement);
                });
    }

    public List<Assignment> list(long planId, Collection<String> chunkIds) {
        return jdbc.prepareStatement("SELECT " + ASSIGNMENT_READ + " WHERE plan_id = ? AND chunk_id = ANY (?) ORDER BY machine_code, sequence",
                statement -> {
                    statement.setLong(1, planId);
                    statement.setArray(2, statement.getConnection().createArrayOf("text", chunkIds.toArray()));
                    return assignments(statement);
                });
    }

    private List<Assignment> assignments(PreparedStatement statement) throws SQLException {
        List<Assignment> assignments = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                assignments.add(assignment(rows));
            }
        }
        return assignments;
    }

    private static Assignment assignment(ResultSet rows) throws SQLException {
        return new Assignment(rows.getString("chunk_id"), rows.getString("field_code"), rows.getString("machine_code"),
                rows.getInt("sequence"), DistrictTime.local(JdbcValues.instant(rows, "start_at")),
                DistrictTime.local(JdbcValues.instant(rows, "end_at")), rows.getDouble("area_mu"),
                rows.getDouble("yield_kg"), rows.getString("drying_site_code"), rows.getString("team_code"),
                rows.getDouble("travel_km"), AssignmentStatus.valueOf(rows.getString("status")), rows.getDouble("done_mu"),
                rows.getBoolean("pinned"),
                rows.getBoolean("needs_replan"));
    }

}
