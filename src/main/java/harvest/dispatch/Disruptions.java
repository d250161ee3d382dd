package harvest.dispatch;

import harvest.system.Actor;
import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import harvest.system.Sql;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/** The day's disruptions, kept until a draft re-plan answers them. */
@Singleton
@Connectable
public class Disruptions {
    private static final String COLUMNS = "id, kind, subject, detail, plan_id, flagged, at, actor, draft_plan_id, draft_problem";
    private static final String UNANSWERED = "draft_plan_id IS NULL AND draft_problem IS NULL";

    private final Sql sql;
    private final Clock clock;

    public Disruptions(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Records it in the caller's transaction, so that a rolled-back event leaves no disruption. */
    public void record(DisruptionKind kind, String subject, String detail, long planId, int flagged) {
        sql.of("""
                INSERT INTO disruption (kind, subject, detail, plan_id, flagged, at, actor)
                VALUES (:kind, :subject, :detail, :plan, :flagged, :at, :actor)""")
                .set("kind", kind).set("subject", subject).set("detail", detail).set("plan", planId)
                .set("flagged", flagged).set("at", clock.instant()).set("actor", Actor.current())
                .update();
    }

    /** Disruptions no draft answers yet, oldest first. */
    public List<Disruption> unanswered() {
        return sql.of("SELECT " + COLUMNS + " FROM disruption WHERE " + UNANSWERED + " ORDER BY id").list(Disruptions::read);
    }

    public void answered(Collection<Long> ids, long draftPlanId) {
        sql.of("UPDATE disruption SET draft_plan_id = :draft WHERE id = ANY (:ids)")
                .set("draft", draftPlanId).setArray("ids", "bigint", ids).update();
    }

    /** No draft can answer them (say, nothing is left to plan); they stay on record without one. */
    public void unanswerable(Collection<Long> ids, String problem) {
        sql.of("UPDATE disruption SET draft_problem = :problem WHERE id = ANY (:ids)")
                .set("problem", problem).setArray("ids", "bigint", ids).update();
    }

    /** Newest first. */
    public List<Disruption> list(boolean unansweredOnly, int page, int size) {
        return sql.of("SELECT " + COLUMNS + " FROM disruption WHERE NOT :unansweredOnly OR (" + UNANSWERED + ")"
                        + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .set("unansweredOnly", unansweredOnly).set("size", size).set("offset", (long) page * size)
                .list(Disruptions::read);
    }

    public long count(boolean unansweredOnly) {
        return sql.of("SELECT count(*) FROM disruption WHERE NOT :unansweredOnly OR (" + UNANSWERED + ")")
                .set("unansweredOnly", unansweredOnly).number();
    }

    private static Disruption read(ResultSet rows) throws SQLException {
        return new Disruption(rows.getLong("id"), DisruptionKind.valueOf(rows.getString("kind")),
                rows.getString("subject"), rows.getString("detail"), rows.getLong("plan_id"), rows.getInt("flagged"),
                DistrictTime.local(JdbcValues.instant(rows, "at")), rows.getString("actor"),
                rows.getObject("draft_plan_id", Long.class), rows.getString("draft_problem"));
    }
}
