package harvest.planning;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.planning.outcome.PlanOutcome;
import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Plans and their assignments in PostgreSQL; the one published plan is guarded by a partial unique index. */
@Singleton
@Connectable
public class PlanStore {
    private static final String PLAN_COLUMNS = """
            id, strategy, state, publication, first_day, days, communities, fields, machines, time_limit_seconds, rules,
            revises, pinned_before, created_at, started_at, finished_at, best_score, stopped_early, failure,
            published_at, outcome, now() AS read_at""";
    private static final String ASSIGNMENT_COLUMNS = """
            chunk_id, field_code, machine_code, sequence, start_at, end_at, area_mu, yield_kg, drying_site_code,
            team_code, travel_km, status, pinned, needs_replan""";
    /** The work reported on a chunk counts in every plan the chunk is in. */
    private static final String ASSIGNMENT_READ = ASSIGNMENT_COLUMNS + """
            , (SELECT coalesce(sum(w.mu), 0) FROM harvest_work w WHERE w.chunk_id = a.chunk_id) AS done_mu
            FROM plan_assignment a""";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher<PlanPublished> events;
    private final AuditLog audit;

    private final Clock clock;

    public PlanStore(JdbcOperations jdbc, JsonMapper json, ApplicationEventPublisher<PlanPublished> events, AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    public record NewPlan(PlanScope scope, Strategy strategy, int timeLimitSeconds, RuleOverrides rules,
                          @Nullable Long revises, @Nullable Instant pinnedBefore) {
    }

    @Transactional
    public Plan insert(NewPlan plan) {
        long id = jdbc.prepareStatement("""
                INSERT INTO plan (strategy, state, first_day, days, communities, fields, machines, time_limit_seconds, rules,
                                  revises, pinned_before)
                VALUES (?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) RETURNING id""", statement -> {
            PlanScope scope = plan.scope();
            statement.setString(1, plan.strategy().name());
            statement.setObject(2, scope.firstDay());
            statement.setInt(3, scope.days());
            statement.setArray(4, array(statement, scope.communities()));
            statement.setArray(5, array(statement, scope.fields()));
            statement.setArray(6, array(statement, scope.machines()));
            statement.setInt(7, plan.timeLimitSeconds());
            statement.setString(8, write(plan.rules()));
            statement.setObject(9, plan.revises(), Types.BIGINT);
            statement.setTimestamp(10, plan.pinnedBefore() == null ? null : Timestamp.from(plan.pinnedBefore()));
            return single(statement, rows -> rows.getLong(1));
        });
        Plan created = get(id);
        audit.record(AuditedEntity.PLAN, String.valueOf(id), plan.revises() == null ? "asked for" : "revision asked for", null, created.summary());
        return created;
    }

    public Plan get(long id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("plan " + id));
    }

    public Optional<Plan> find(long id) {
        return jdbc.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plan WHERE id = ?", statement -> {
            statement.setLong(1, id);
            return plans(statement).stream().findFirst();
        });
    }

    /** Newest first. */
    public List<Plan> list(@Nullable PlanState state, @Nullable Publication publication, int page, int size) {
        return jdbc.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plan WHERE (?::text IS NULL OR state = ?)"
                + " AND (?::text IS NULL OR publication = ?) ORDER BY id DESC LIMIT ? OFFSET ?", statement -> {
            filter(statement, state, publication);
            statement.setInt(5, size);
            statement.setLong(6, (long) page * size);
            return plans(statement);
        });
    }

    public long count(@Nullable PlanState state, @Nullable Publication publication) {
        return jdbc.prepareStatement("SELECT count(*) FROM plan WHERE (?::text IS NULL OR state = ?)"
                + " AND (?::text IS NULL OR publication = ?)", statement -> {
            filter(statement, state, publication);
            return single(statement, rows -> rows.getLong(1));
        });
    }

    /** The plan that was published at {@code at}: the last one published by then. */
    public Optional<Plan> publishedAt(Instant at) {
        return jdbc.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plan WHERE publication IN ('PUBLISHED', 'SUPERSEDED')"
                + " AND published_at <= ? ORDER BY published_at DESC, id DESC LIMIT 1", statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            return plans(statement).stream().findFirst();
        });
    }

    public Optional<Plan> published() {
        return jdbc.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plan WHERE publication = 'PUBLISHED'",
                statement -> plans(statement).stream().findFirst());
    }

    /** QUEUED to SOLVING; false if the plan was stopped (failed) while it waited. */
    public boolean markSolving(long id) {
        return update("UPDATE plan SET state = 'SOLVING', started_at = now(), heartbeat_at = now()"
                + " WHERE id = ? AND state = 'QUEUED'", id) == 1;
    }

    public void progress(long id, String bestScore) {
        jdbc.prepareStatement("UPDATE plan SET best_score = ?, heartbeat_at = now() WHERE id = ? AND state = 'SOLVING'", statement -> {
            statement.setString(1, bestScore);
            statement.setLong(2, id);
            return statement.executeUpdate();
        });
    }

    public void heartbeat(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("UPDATE plan SET heartbeat_at = now() WHERE id = ANY (?) AND state IN ('QUEUED', 'SOLVING')", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids.toArray()));
            return statement.executeUpdate();
        });
    }

    /** Fails a plan that has not finished; false if it already had. */
    @Transactional
    public boolean fail(long id, String reason) {
        Plan before = get(id).summary();
        boolean failed = jdbc.prepareStatement("UPDATE plan SET state = 'FAILED', failure = ?, finished_at = now()"
                + " WHERE id = ? AND state IN ('QUEUED', 'SOLVING')", statement -> {
            statement.setString(1, reason);
            statement.setLong(2, id);
            return statement.executeUpdate() == 1;
        });
        if (failed) {
            audit.record(AuditedEntity.PLAN, String.valueOf(id), "failed", before, get(id).summary());
        }
        return failed;
    }

    /** Fails queued or solving plans whose service stopped beating their heart: a restart leaves no zombies. */
    @Transactional
    public int failAbandoned(Duration silence) {
        List<String> failed = jdbc.prepareStatement("""
                UPDATE plan SET state = 'FAILED', finished_at = now(),
                       failure = 'abandoned: the service solving it stopped (no heartbeat since '
                                 || to_char(heartbeat_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ')'
                WHERE state IN ('QUEUED', 'SOLVING') AND heartbeat_at < now() - make_interval(secs => ?) RETURNING id""", statement -> {
            statement.setDouble(1, silence.toMillis() / 1000.0);
            return strings(statement);
        });
        audit.recordAll(failed.stream().map(id -> new AuditLog.Change(AuditedEntity.PLAN, id, "abandoned", null,
                get(Long.parseLong(id)).summary())).toList());
        return failed.size();
    }

    /** Stores the assignments and the outcome in one transaction; false if the plan was failed meanwhile. */
    @Transactional
    public boolean finish(long id, String score, boolean stoppedEarly, PlanOutcome outcome, List<Assignment> assignments) {
        boolean solving = jdbc.prepareStatement("""
                UPDATE plan SET state = 'SOLVED', best_score = ?, stopped_early = ?, outcome = ?::jsonb, finished_at = now()
                WHERE id = ? AND state = 'SOLVING'""", statement -> {
            statement.setString(1, score);
            statement.setBoolean(2, stoppedEarly);
            statement.setString(3, write(outcome));
            statement.setLong(4, id);
            return statement.executeUpdate() == 1;
        });
        if (!solving) {
            return false;
        }
        audit.record(AuditedEntity.PLAN, String.valueOf(id), "solved", null, get(id).summary());
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
        return true;
    }

    /**
     * Makes a solved plan the published one and supersedes the previous; its fields become SCHEDULED, and
     * fields the previous plan scheduled but this one leaves out go back to REGISTERED. A revision is published
     * only over the plan it revises, taking over the work started or finished on it meanwhile. {@link PlanPublished}
     * is raised in the same transaction (the SMS outbox queues the plan's texts with it).
     */
    @Transactional
    public Plan publish(long id) {
        Plan plan = jdbc.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plan WHERE id = ? FOR UPDATE", statement -> {
            statement.setLong(1, id);
            return plans(statement).stream().findFirst();
        }).orElseThrow(() -> ProblemException.notFound("plan " + id));
        if (plan.state() != PlanState.SOLVED) {
            throw new ProblemException(ProblemType.PLAN_NOT_SOLVED, "plan " + id + " is " + plan.state() + "; only a SOLVED plan can be published");
        }
        if (plan.publication() != Publication.DRAFT) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "plan " + id + " is " + plan.publication() + "; only a draft can be published");
        }
        // locking the published plan waits for work being reported on it, and keeps two publications apart
        Optional<Plan> previous = jdbc.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plan WHERE publication = 'PUBLISHED' FOR UPDATE",
                statement -> plans(statement).stream().findFirst());
        if (plan.revises() != null && !previous.map(Plan::id).equals(Optional.of(plan.revises()))) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "plan " + id + " revises plan " + plan.revises()
                    + ", which is no longer the published plan; ask for a new revision");
        }
        List<String> dropped = jdbc.prepareStatement("""
                UPDATE field SET status = 'REGISTERED', version = version + 1
                WHERE status = 'SCHEDULED'
                  AND code IN (SELECT field_code FROM plan_assignment a JOIN plan p ON p.id = a.plan_id WHERE p.publication = 'PUBLISHED')
                  AND code NOT IN (SELECT field_code FROM plan_assignment WHERE plan_id = ?) RETURNING code""", statement -> {
            statement.setLong(1, id);
            return strings(statement);
        });
        previous.ifPresent(old -> {
            update("UPDATE plan SET publication = 'SUPERSEDED' WHERE id = ?", old.id());
            audit.record(AuditedEntity.PLAN, String.valueOf(old.id()), "superseded", old.summary(), get(old.id()).summary());
            carryOverWork(old.id(), id);
        });
        // the district clock: the daily report asks which plan was in force at a moment of the season
        jdbc.prepareStatement("UPDATE plan SET publication = 'PUBLISHED', published_at = ? WHERE id = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setLong(2, id);
            return statement.executeUpdate();
        });
        audit.record(AuditedEntity.PLAN, String.valueOf(id), "published", plan.summary(), get(id).summary());
        List<String> scheduled = jdbc.prepareStatement("UPDATE field SET status = 'SCHEDULED', version = version + 1 WHERE status = 'REGISTERED'"
                + " AND code IN (SELECT field_code FROM plan_assignment WHERE plan_id = ?) RETURNING code", statement -> {
            statement.setLong(1, id);
            return strings(statement);
        });
        audit.recordAll(Stream.concat(
                dropped.stream().map(code -> fieldMoved(code, "SCHEDULED", "REGISTERED", "left out of plan " + id)),
                scheduled.stream().map(code -> fieldMoved(code, "REGISTERED", "SCHEDULED", "scheduled by plan " + id))).toList());
        events.publishEvent(new PlanPublished(id));
        return get(id);
    }

    /**
     * Work started or finished on the old plan after the revision was solved stays started or finished: those are
     * facts about the field, whatever the revision had planned for the chunk.
     */
    private void carryOverWork(long from, long to) {
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

    /** Publishing moves fields in bulk; the audit log names the status on each side. */
    private static AuditLog.Change fieldMoved(String code, String from, String to, String why) {
        return new AuditLog.Change(AuditedEntity.FIELD, code, "status changed: " + why, Map.of("status", from), Map.of("status", to));
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
            return new HashSet<>(strings(statement));
        });
    }

    /** In itinerary order (combine, then sequence), optionally for one combine or one field. */
    public List<Assignment> assignments(long planId, @Nullable String machine, @Nullable String field) {
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
        Plan plan = jdbc.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plan WHERE id = ? FOR SHARE", statement -> {
            statement.setLong(1, planId);
            return plans(statement).stream().findFirst();
        }).orElseThrow(() -> ProblemException.notFound("plan " + planId));
        if (plan.publication() != Publication.PUBLISHED) {
            throw new ProblemException(ProblemType.PLAN_NOT_PUBLISHED, "plan " + planId + " is " + plan.publication()
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
            return strings(statement);
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

    public List<Assignment> assignments(long planId, Collection<String> chunkIds) {
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

    private static List<String> strings(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private int update(String sql, long id) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setLong(1, id);
            return statement.executeUpdate();
        });
    }

    private static void filter(PreparedStatement statement, @Nullable PlanState state, @Nullable Publication publication) throws SQLException {
        String s = state == null ? null : state.name();
        String p = publication == null ? null : publication.name();
        statement.setString(1, s);
        statement.setString(2, s);
        statement.setString(3, p);
        statement.setString(4, p);
    }

    private List<Plan> plans(PreparedStatement statement) throws SQLException {
        List<Plan> plans = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Instant started = JdbcValues.instant(rows, "started_at");
                Instant finished = JdbcValues.instant(rows, "finished_at");
                String outcome = rows.getString("outcome");
                Long revises = rows.getObject("revises", Long.class);
                plans.add(new Plan(rows.getLong("id"), Strategy.valueOf(rows.getString("strategy")),
                        PlanState.valueOf(rows.getString("state")), Publication.valueOf(rows.getString("publication")),
                        rows.getObject("first_day", java.time.LocalDate.class), rows.getInt("days"),
                        codes(rows.getArray("communities")), codes(rows.getArray("fields")), codes(rows.getArray("machines")),
                        rows.getInt("time_limit_seconds"), read(rows.getString("rules"), RuleOverrides.class),
                        revises, JdbcValues.instant(rows, "pinned_before"), JdbcValues.instant(rows, "created_at"),
                        started, finished, rows.getString("best_score"),
                        Plan.secondsSpent(started, finished, JdbcValues.instant(rows, "read_at")), rows.getBoolean("stopped_early"),
                        rows.getString("failure"), JdbcValues.instant(rows, "published_at"),
                        outcome == null ? null : read(outcome, PlanOutcome.class)));
            }
        }
        return plans;
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

    private static Set<String> codes(@Nullable Array array) throws SQLException {
        return array == null ? null : new TreeSet<>(Arrays.asList((String[]) array.getArray()));
    }

    private static Array array(PreparedStatement statement, @Nullable Set<String> codes) throws SQLException {
        return codes == null ? null : statement.getConnection().createArrayOf("text", codes.toArray());
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T single(PreparedStatement statement, RowReader<T> reader) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return reader.read(rows);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
