package harvest.planning;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.planning.outcome.PlanOutcome;
import harvest.system.JdbcValues;
import harvest.system.problem.ProblemException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plan rows in PostgreSQL, through their life from asked for to solved or failed; the one published plan is guarded
 * by a partial unique index. Longer than most classes because a plan row has twenty columns to write and read back.
 */
@Singleton
@Connectable
public class PlanStore {
    private static final String PLAN_COLUMNS = """
            id, strategy, state, publication, first_day, days, communities, fields, machines, time_limit_seconds, rules,
            revises, pinned_before, created_at, started_at, finished_at, best_score, stopped_early, failure,
            published_at, outcome, now() AS read_at""";
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final AssignmentStore assignments;

    public PlanStore(JdbcOperations jdbc, JsonMapper json, AuditLog audit, AssignmentStore assignments) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.assignments = assignments;
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
            return JdbcValues.strings(statement);
        });
        audit.recordAll(failed.stream().map(id -> new AuditLog.Change(AuditedEntity.PLAN, id, "abandoned", null,
                get(Long.parseLong(id)).summary())).toList());
        return failed.size();
    }

    /** Stores the assignments and the outcome in one transaction; false if the plan was failed meanwhile. */
    @Transactional
    public boolean finish(long id, String score, boolean stoppedEarly, PlanOutcome outcome, List<Assignment> jobs) {
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
        assignments.insertAll(id, jobs);
        return true;
    }

    /** The plan, locked until the caller's transaction ends (a publication holds it). */
    Optional<Plan> lockForUpdate(long id) {
        return jdbc.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plan WHERE id = ? FOR UPDATE", statement -> {
            statement.setLong(1, id);
            return plans(statement).stream().findFirst();
        });
    }

    /** The published plan, locked: publishing waits for work being reported on it, and two publications for each other. */
    Optional<Plan> lockPublishedPlan() {
        return jdbc.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plan WHERE publication = 'PUBLISHED' FOR UPDATE",
                statement -> plans(statement).stream().findFirst());
    }

    void supersede(long id) {
        update("UPDATE plan SET publication = 'SUPERSEDED' WHERE id = ?", id);
    }

    /** Published at {@code at}: the daily report asks which plan was in force at a moment of the season. */
    void markPublished(long id, Instant at) {
        jdbc.prepareStatement("UPDATE plan SET publication = 'PUBLISHED', published_at = ? WHERE id = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setLong(2, id);
            return statement.executeUpdate();
        });
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
