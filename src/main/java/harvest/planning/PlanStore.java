package harvest.planning;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.planning.outcome.PlanOutcome;
import harvest.system.JdbcValues;
import harvest.system.Sql;
import harvest.system.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
    private static final String FILTER = "(:state::text IS NULL OR state = :state)"
            + " AND (:publication::text IS NULL OR publication = :publication)";
    private final Sql sql;
    private final JsonMapper json;
    private final AuditLog audit;
    private final AssignmentStore assignments;

    public PlanStore(Sql sql, JsonMapper json, AuditLog audit, AssignmentStore assignments) {
        this.sql = sql;
        this.json = json;
        this.audit = audit;
        this.assignments = assignments;
    }

    public record NewPlan(PlanScope scope, Strategy strategy, int timeLimitSeconds, RuleOverrides rules,
                          @Nullable Long revises, @Nullable Instant pinnedBefore) {
    }

    @Transactional
    public Plan insert(NewPlan plan) {
        PlanScope scope = plan.scope();
        long id = sql.of("""
                INSERT INTO plan (strategy, state, first_day, days, communities, fields, machines, time_limit_seconds, rules,
                                  revises, pinned_before)
                VALUES (:strategy, 'QUEUED', :firstDay, :days, :communities, :fields, :machines, :timeLimit, :rules::jsonb,
                        :revises, :pinnedBefore) RETURNING id""")
                .set("strategy", plan.strategy()).set("firstDay", scope.firstDay()).set("days", scope.days())
                .set("communities", array(scope.communities())).set("fields", array(scope.fields()))
                .set("machines", array(scope.machines())).set("timeLimit", plan.timeLimitSeconds())
                .set("rules", write(plan.rules())).set("revises", plan.revises()).set("pinnedBefore", plan.pinnedBefore())
                .number();
        Plan created = get(id);
        audit.record(AuditedEntity.PLAN, String.valueOf(id), plan.revises() == null ? "asked for" : "revision asked for", null, created.summary());
        return created;
    }

    public Plan get(long id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("plan " + id));
    }

    public Optional<Plan> find(long id) {
        return sql.of("SELECT " + PLAN_COLUMNS + " FROM plan WHERE id = :id").set("id", id).first(this::plan);
    }

    /** Newest first. */
    public List<Plan> list(@Nullable PlanState state, @Nullable Publication publication, int page, int size) {
        return sql.of("SELECT " + PLAN_COLUMNS + " FROM plan WHERE " + FILTER + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .set("state", state).set("publication", publication).set("size", size).set("offset", (long) page * size)
                .list(this::plan);
    }

    public long count(@Nullable PlanState state, @Nullable Publication publication) {
        return sql.of("SELECT count(*) FROM plan WHERE " + FILTER).set("state", state).set("publication", publication).number();
    }

    /** The plan that was published at {@code at}: the last one published by then. */
    public Optional<Plan> publishedAt(Instant at) {
        return sql.of("SELECT " + PLAN_COLUMNS + " FROM plan WHERE publication IN ('PUBLISHED', 'SUPERSEDED')"
                + " AND published_at <= :at ORDER BY published_at DESC, id DESC LIMIT 1").set("at", at).first(this::plan);
    }

    public Optional<Plan> published() {
        return sql.of("SELECT " + PLAN_COLUMNS + " FROM plan WHERE publication = 'PUBLISHED'").first(this::plan);
    }

    /** QUEUED to SOLVING; false if the plan was stopped (failed) while it waited. */
    public boolean markSolving(long id) {
        return sql.of("UPDATE plan SET state = 'SOLVING', started_at = now(), heartbeat_at = now()"
                + " WHERE id = :id AND state = 'QUEUED'").set("id", id).update() == 1;
    }

    public void progress(long id, String bestScore) {
        sql.of("UPDATE plan SET best_score = :score, heartbeat_at = now() WHERE id = :id AND state = 'SOLVING'")
                .set("score", bestScore).set("id", id).update();
    }

    public void heartbeat(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        sql.of("UPDATE plan SET heartbeat_at = now() WHERE id = ANY (:ids) AND state IN ('QUEUED', 'SOLVING')")
                .setArray("ids", "bigint", ids).update();
    }

    /** Asks whichever instance solves the plan to end it early (see {@link #stopsRequested}). */
    public void requestStop(long id) {
        sql.of("UPDATE plan SET stop_requested_at = now() WHERE id = :id AND state = 'SOLVING'").set("id", id).update();
    }

    /** Of {@code ids}, the plans still solving that a dispatcher asked to stop. */
    public List<Long> stopsRequested(Collection<Long> ids) {
        return sql.of("SELECT id FROM plan WHERE id = ANY (:ids) AND state = 'SOLVING' AND stop_requested_at IS NOT NULL")
                .setArray("ids", "bigint", ids).list(rows -> rows.getLong(1));
    }

    /** Fails a plan that has not finished; false if it already had. */
    @Transactional
    public boolean fail(long id, String reason) {
        Plan before = get(id).summary();
        boolean failed = sql.of("UPDATE plan SET state = 'FAILED', failure = :reason, finished_at = now()"
                + " WHERE id = :id AND state IN ('QUEUED', 'SOLVING')").set("reason", reason).set("id", id).update() == 1;
        if (failed) {
            audit.record(AuditedEntity.PLAN, String.valueOf(id), "failed", before, get(id).summary());
        }
        return failed;
    }

    /** Fails queued or solving plans whose service stopped beating their heart: a restart leaves no zombies. */
    @Transactional
    public int failAbandoned(Duration silence) {
        List<String> failed = sql.of("""
                UPDATE plan SET state = 'FAILED', finished_at = now(),
                       failure = 'abandoned: the service solving it stopped (no heartbeat since '
                                 || to_char(heartbeat_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ')'
                WHERE state IN ('QUEUED', 'SOLVING') AND heartbeat_at < now() - make_interval(secs => :seconds) RETURNING id""")
                .set("seconds", silence.toMillis() / 1000.0).strings();
        audit.recordAll(failed.stream().map(id -> new AuditLog.Change(AuditedEntity.PLAN, id, "abandoned", null,
                get(Long.parseLong(id)).summary())).toList());
        return failed.size();
    }

    /** Stores the assignments and the outcome in one transaction; false if the plan was failed meanwhile. */
    @Transactional
    public boolean finish(long id, String score, boolean stoppedEarly, PlanOutcome outcome, List<Assignment> jobs) {
        boolean solving = sql.of("""
                UPDATE plan SET state = 'SOLVED', best_score = :score, stopped_early = :stoppedEarly, outcome = :outcome::jsonb,
                                finished_at = now()
                WHERE id = :id AND state = 'SOLVING'""")
                .set("score", score).set("stoppedEarly", stoppedEarly).set("outcome", write(outcome)).set("id", id)
                .update() == 1;
        if (!solving) {
            return false;
        }
        audit.record(AuditedEntity.PLAN, String.valueOf(id), "solved", null, get(id).summary());
        assignments.insertAll(id, jobs);
        return true;
    }

    /** The plan, locked until the caller's transaction ends (a publication holds it). */
    Optional<Plan> lockForUpdate(long id) {
        return sql.of("SELECT " + PLAN_COLUMNS + " FROM plan WHERE id = :id FOR UPDATE").set("id", id).first(this::plan);
    }

    /** The published plan, locked: publishing waits for work being reported on it, and two publications for each other. */
    Optional<Plan> lockPublishedPlan() {
        return sql.of("SELECT " + PLAN_COLUMNS + " FROM plan WHERE publication = 'PUBLISHED' FOR UPDATE").first(this::plan);
    }

    void supersede(long id) {
        sql.of("UPDATE plan SET publication = 'SUPERSEDED' WHERE id = :id").set("id", id).update();
    }

    /** Published at {@code at}: the daily report asks which plan was in force at a moment of the season. */
    void markPublished(long id, Instant at) {
        sql.of("UPDATE plan SET publication = 'PUBLISHED', published_at = :at WHERE id = :id").set("at", at).set("id", id).update();
    }

    private Plan plan(ResultSet rows) throws SQLException {
        Instant started = JdbcValues.instant(rows, "started_at");
        Instant finished = JdbcValues.instant(rows, "finished_at");
        String outcome = rows.getString("outcome");
        return new Plan(rows.getLong("id"), Strategy.valueOf(rows.getString("strategy")),
                PlanState.valueOf(rows.getString("state")), Publication.valueOf(rows.getString("publication")),
                rows.getObject("first_day", LocalDate.class), rows.getInt("days"),
                codes(rows.getArray("communities")), codes(rows.getArray("fields")), codes(rows.getArray("machines")),
                rows.getInt("time_limit_seconds"), read(rows.getString("rules"), RuleOverrides.class),
                rows.getObject("revises", Long.class), JdbcValues.instant(rows, "pinned_before"),
                JdbcValues.instant(rows, "created_at"), started, finished, rows.getString("best_score"),
                Plan.secondsSpent(started, finished, JdbcValues.instant(rows, "read_at")), rows.getBoolean("stopped_early"),
                rows.getString("failure"), JdbcValues.instant(rows, "published_at"),
                outcome == null ? null : read(outcome, PlanOutcome.class));
    }

    private static Set<String> codes(@Nullable Array array) throws SQLException {
        return array == null ? null : new TreeSet<>(Arrays.asList((String[]) array.getArray()));
    }

    private static @Nullable Sql.Array array(@Nullable Set<String> codes) {
        return codes == null ? null : new Sql.Array("text", codes);
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
