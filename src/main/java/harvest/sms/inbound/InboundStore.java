package harvest.sms.inbound;

import harvest.system.JdbcValues;
import harvest.system.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Texts received, once per provider message id. */
@Singleton
@Connectable
public class InboundStore {
    private static final String COLUMNS = "id, sid, phone, body, intent, action, needs_attention, received_at";
    private static final String NEEDS_ATTENTION = " WHERE (:needsAttention::boolean IS NULL OR needs_attention = :needsAttention)";

    private final Sql sql;

    public InboundStore(Sql sql) {
        this.sql = sql;
    }

    public Optional<InboundText> bySid(String sid) {
        return sql.of("SELECT " + COLUMNS + " FROM sms_inbound WHERE sid = :sid").set("sid", sid).first(InboundStore::read);
    }

    /** Records a text; false if this message id was recorded before (the provider posted it again). */
    public boolean insert(String sid, String phone, String body, Intent intent, String action, boolean needsAttention) {
        return sql.of("""
                INSERT INTO sms_inbound (sid, phone, body, intent, action, needs_attention)
                VALUES (:sid, :phone, :body, :intent, :action, :needsAttention)
                ON CONFLICT (sid) DO NOTHING""")
                .set("sid", sid).set("phone", phone).set("body", body).set("intent", intent).set("action", action)
                .set("needsAttention", needsAttention)
                .update() == 1;
    }

    public void settle(String sid, String action, boolean needsAttention) {
        sql.of("UPDATE sms_inbound SET action = :action, needs_attention = :needsAttention WHERE sid = :sid")
                .set("action", action).set("needsAttention", needsAttention).set("sid", sid).update();
    }

    /** Newest first. */
    public List<InboundText> list(@Nullable Boolean needsAttention, int page, int size) {
        return sql.of("SELECT " + COLUMNS + " FROM sms_inbound" + NEEDS_ATTENTION + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .set("needsAttention", needsAttention).set("size", size).set("offset", (long) page * size)
                .list(InboundStore::read);
    }

    public long count(@Nullable Boolean needsAttention) {
        return sql.of("SELECT count(*) FROM sms_inbound" + NEEDS_ATTENTION).set("needsAttention", needsAttention).number();
    }

    private static InboundText read(ResultSet rows) throws SQLException {
        return new InboundText(rows.getLong("id"), rows.getString("sid"), rows.getString("phone"), rows.getString("body"),
                Intent.valueOf(rows.getString("intent")), rows.getString("action"), rows.getBoolean("needs_attention"),
                JdbcValues.instant(rows, "received_at"));
    }
}
