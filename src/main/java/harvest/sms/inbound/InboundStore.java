package harvest.sms.inbound;

import harvest.system.JdbcValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Texts received, once per provider message id. */
@Singleton
@Connectable
public class InboundStore {
    private static final String COLUMNS = "id, sid, phone, body, intent, action, needs_attention, received_at";

    private final JdbcOperations jdbc;

    public InboundStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InboundText> bySid(String sid) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM sms_inbound WHERE sid = ?", statement -> {
            statement.setString(1, sid);
            return read(statement).stream().findFirst();
        });
    }

    /** Records a text; false if this message id was recorded before (the provider posted it again). */
    public boolean insert(String sid, String phone, String body, Intent intent, String action, boolean needsAttention) {
        return jdbc.prepareStatement("""
                INSERT INTO sms_inbound (sid, phone, body, intent, action, needs_attention) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (sid) DO NOTHING""", statement -> {
            statement.setString(1, sid);
            statement.setString(2, phone);
            statement.setString(3, body);
            statement.setString(4, intent.name());
            statement.setString(5, action);
            statement.setBoolean(6, needsAttention);
            return statement.executeUpdate() == 1;
        });
    }

    public void settle(String sid, String action, boolean needsAttention) {
        jdbc.prepareStatement("UPDATE sms_inbound SET action = ?, needs_attention = ? WHERE sid = ?", statement -> {
            statement.setString(1, action);
            statement.setBoolean(2, needsAttention);
            statement.setString(3, sid);
            return statement.executeUpdate();
        });
    }

    /** Newest first. */
    public List<InboundText> list(@Nullable Boolean needsAttention, int page, int size) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM sms_inbound WHERE (?::boolean IS NULL OR needs_attention = ?)"
                + " ORDER BY id DESC LIMIT ? OFFSET ?", statement -> {
            statement.setObject(1, needsAttention, Types.BOOLEAN);
            statement.setObject(2, needsAttention, Types.BOOLEAN);
            statement.setInt(3, size);
            statement.setLong(4, (long) page * size);
            return read(statement);
        });
    }

    public long count(@Nullable Boolean needsAttention) {
        return jdbc.prepareStatement("SELECT count(*) FROM sms_inbound WHERE (?::boolean IS NULL OR needs_attention = ?)", statement -> {
            statement.setObject(1, needsAttention, Types.BOOLEAN);
            statement.setObject(2, needsAttention, Types.BOOLEAN);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static List<InboundText> read(PreparedStatement statement) throws SQLException {
        List<InboundText> texts = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                texts.add(new InboundText(rows.getLong("id"), rows.getString("sid"), rows.getString("phone"), rows.getString("body"),
                        Intent.valueOf(rows.getString("intent")), rows.getString("action"), rows.getBoolean("needs_attention"),
                        JdbcValues.instant(rows, "received_at")));
            }
        }
        return texts;
    }
}
