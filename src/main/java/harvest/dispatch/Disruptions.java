package harvest.dispatch;

import harvest.system.Actor;
import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The day's disruptions, kept until a draft re-plan answers them. */
@Singleton
@Connectable
public class Disruptions {
    private static final String COLUMNS = "id, kind, subject, detail, plan_id, flagged, at, actor, draft_plan_id, draft_problem";
    private static final String UNANSWERED = "draft_plan_id IS NULL AND draft_problem IS NULL";

    private final JdbcOperations jdbc;
    private final Clock clock;

    public Disruptions(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records it in the caller's transaction, so that a rolled-back event leaves no disruption. */
    public void record(DisruptionKind kind, String subject, String detail, long planId, int flagged) {
        jdbc.prepareStatement("INSERT INTO disruption (kind, subject, detail, plan_id, flagged, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, kind.name());
                    statement.setString(2, subject);
                    statement.setString(3, detail);
                    statement.setLong(4, planId);
                    statement.setInt(5, flagged);
                    statement.setTimestamp(6, Timestamp.from(clock.instant()));
                    statement.setString(7, Actor.current());
                    return statement.executeUpdate();
                });
    }

    /** Disruptions no draft answers yet, oldest first. */
    public List<Disruption> unanswered() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM disruption WHERE " + UNANSWERED + " ORDER BY id",
                this::read);
    }

    public void answered(Collection<Long> ids, long draftPlanId) {
        settle(ids, "draft_plan_id = ?", statement -> statement.setLong(1, draftPlanId));
    }

    /** No draft can answer them (say, nothing is left to plan); they stay on record without one. */
    public void unanswerable(Collection<Long> ids, String problem) {
        settle(ids, "draft_problem = ?", statement -> statement.setString(1, problem));
    }

    /** Newest first. */
    public List<Disruption> list(boolean unansweredOnly, int page, int size) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM disruption"
                + " WHERE NOT ? OR (" + UNANSWERED + ") ORDER BY id DESC LIMIT ? OFFSET ?", statement -> {
            statement.setBoolean(1, unansweredOnly);
            statement.setInt(2, size);
            statement.setLong(3, (long) page * size);
            return read(statement);
        });
    }

    public long count(boolean unansweredOnly) {
        return jdbc.prepareStatement("SELECT count(*) FROM disruption WHERE NOT ? OR (" + UNANSWERED + ")",
                statement -> {
                    statement.setBoolean(1, unansweredOnly);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void settle(Collection<Long> ids, String assignment, Binder value) {
        jdbc.prepareStatement("UPDATE disruption SET " + assignment + " WHERE id = ANY (?)", statement -> {
            value.bind(statement);
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", ids.toArray()));
            return statement.executeUpdate();
        });
    }

    private List<Disruption> read(PreparedStatement statement) throws SQLException {
        List<Disruption> disruptions = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                disruptions.add(new Disruption(rows.getLong("id"), DisruptionKind.valueOf(rows.getString("kind")),
                        rows.getString("subject"), rows.getString("detail"), rows.getLong("plan_id"), rows.getInt("flagged"),
                        DistrictTime.local(JdbcValues.instant(rows, "at")), rows.getString("actor"),
                        rows.getObject("draft_plan_id", Long.class), rows.getString("draft_problem")));
            }
        }
        return disruptions;
    }
}
