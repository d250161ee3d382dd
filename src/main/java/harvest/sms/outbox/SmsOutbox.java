package harvest.sms.outbox;

import harvest.system.Actor;
import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import harvest.system.TransactionLocks;
import harvest.system.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** The outbox table: texts queued with the event that causes them, and read back; workers lease and settle them through {@link OutboxLeases}. */
@Singleton
@Connectable
public class SmsOutbox {
    static final String COLUMNS = """
            id, kind, recipient_role, recipient_code, phone, language, body, encoding, segments, urgent, plan_id, status,
            attempts, not_before, expires_at, sid, price, price_unit, error_code, error_message, created_at, sent_at, chunk_ids""";
    /** Where a sign-in text's code goes; only the worker's claim puts the code in (see {@link #queueSecret}). */
    public static final String SECRET = "******";
    private static final String WHERE = " WHERE (?::text IS NULL OR phone = ?) AND (?::text IS NULL OR status = ?)"
            + " AND (?::bigint IS NULL OR plan_id = ?) AND (?::text IS NULL OR ? = ANY (chunk_ids)) AND (?::bigint IS NULL OR id = ?)";

    private final JdbcOperations jdbc;

    public SmsOutbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A text to queue, and the plan's assignments (chunk ids) it is about; segments and encoding follow from the body. */
    public record NewText(SmsKind kind, SmsRecipient role, String recipientCode, String phone, SmsLanguage language,
                          String body, boolean urgent, @Nullable Long planId, List<String> chunks) {

        public NewText(SmsKind kind, SmsRecipient role, String recipientCode, String phone, SmsLanguage language, String body,
                       boolean urgent, @Nullable Long planId) {
            this(kind, role, recipientCode, phone, language, body, urgent, planId, List.of());
        }
    }

    /** Queues texts in the caller's transaction, valid for {@code validity} from now, on behalf of {@link Actor#current()}. */
    public void queue(List<NewText> texts, Duration validity) {
        insert(texts, null, validity);
    }

    /**
     * Queues a text whose body holds {@link #SECRET} where {@code secret} goes: lists and audits show the body as it
     * is stored, and only the worker's claim fills the secret in.
     */
    public void queueSecret(NewText text, String secret, Duration validity) {
        insert(List.of(text), secret, validity);
    }

    /**
     * Forgets the secrets of the texts to {@code phone}: the codes they carried are used or replaced, so a text still
     * waiting to go out has nothing left to say and expires.
     */
    public void forgetSecrets(String phone) {
        jdbc.prepareStatement("""
                UPDATE sms_message SET secret = NULL, updated_at = now(),
                       status = CASE WHEN status = 'QUEUED' THEN 'EXPIRED' ELSE status END,
                       error_message = CASE WHEN status = 'QUEUED' THEN 'the code was used or replaced before it was sent' ELSE error_message END
                WHERE phone = ? AND secret IS NOT NULL""", statement -> {
            statement.setString(1, phone);
            return statement.executeUpdate();
        });
    }

    /** Forgets every secret older than {@code age}: the code it carried has expired. */
    public int forgetSecretsOlderThan(Duration age) {
        return jdbc.prepareStatement("""
                UPDATE sms_message SET secret = NULL WHERE secret IS NOT NULL AND created_at < now() - make_interval(secs => ?)""", statement -> {
            statement.setDouble(1, age.toSeconds());
            return statement.executeUpdate();
        });
    }

    private void insert(List<NewText> texts, @Nullable String secret, Duration validity) {
        jdbc.prepareStatement("""
                INSERT INTO sms_message (kind, recipient_role, recipient_code, phone, language, body, encoding, segments,
                                         urgent, plan_id, expires_at, chunk_ids, requested_by, secret)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?), ?, ?, ?)""", statement -> {
            String requestedBy = Actor.current();
            for (NewText text : texts) {
                Segments segments = Segments.of(text.body());
                statement.setString(1, text.kind().name());
                statement.setString(2, text.role().name());
                statement.setString(3, text.recipientCode());
                statement.setString(4, text.phone());
                statement.setString(5, text.language().tag());
                statement.setString(6, text.body());
                statement.setString(7, segments.encoding());
                statement.setInt(8, segments.count());
                statement.setBoolean(9, text.urgent());
                statement.setObject(10, text.planId(), Types.BIGINT);
                statement.setDouble(11, validity.toSeconds());
                statement.setArray(12, statement.getConnection().createArrayOf("text", text.chunks().toArray()));
                statement.setString(13, requestedBy);
                statement.setString(14, secret);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /**
     * Texts that reached the provider for this number since {@code since}: the daily cap counts these. Sign-in codes
     * do not count: anyone may ask for them, and they must not push a person's own work texts to tomorrow.
     */
    public int sentSince(String phone, Instant since) {
        return jdbc.prepareStatement("""
                SELECT count(*) FROM sms_message
                WHERE phone = ? AND sent_at >= ? AND status IN ('SENT', 'DELIVERED', 'UNDELIVERED', 'SIMULATED')
                    AND kind <> 'SIGN_IN_CODE'""", statement -> {
            statement.setString(1, phone);
            statement.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /**
     * Texts of this kind queued at this account's request since the district's midnight: the per-account cap counts
     * these. Holds a lock on the account's count until the caller's transaction ends, so two requests at once
     * cannot both fit under the cap.
     */
    @Transactional(propagation = MANDATORY)
    public int requestedToday(String account, SmsKind kind) {
        TransactionLocks.hold(jdbc, "texts requested by " + account);
        return jdbc.prepareStatement("""
                SELECT count(*) FROM sms_message WHERE requested_by = ? AND kind = ?
                    AND created_at >= date_trunc('day', now() AT TIME ZONE ?) AT TIME ZONE ?""", statement -> {
            statement.setString(1, account);
            statement.setString(2, kind.name());
            statement.setString(3, DistrictTime.ZONE.getId());
            statement.setString(4, DistrictTime.ZONE.getId());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    public SmsMessage get(long id) {
        return list(new Filter(null, null, null, null), id, 0, 1).stream().findFirst().orElseThrow(() -> ProblemException.notFound("text " + id));
    }

    /** Which texts to list: to a number, in a status, of a plan, about an assignment (chunk id); null for any. */
    public record Filter(@Nullable String phone, @Nullable SmsStatus status, @Nullable Long planId, @Nullable String chunk) {
    }

    /** Newest first. */
    public List<SmsMessage> list(Filter filter, @Nullable Long id, int page, int size) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM sms_message" + WHERE + " ORDER BY id DESC LIMIT ? OFFSET ?", statement -> {
            int next = bind(statement, filter, id);
            statement.setInt(next, size);
            statement.setLong(next + 1, (long) page * size);
            return read(statement);
        });
    }

    public long count(Filter filter) {
        return jdbc.prepareStatement("SELECT count(*) FROM sms_message" + WHERE, statement -> {
            bind(statement, filter, null);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static int bind(PreparedStatement statement, Filter filter, @Nullable Long id) throws SQLException {
        String status = filter.status() == null ? null : filter.status().name();
        statement.setString(1, filter.phone());
        statement.setString(2, filter.phone());
        statement.setString(3, status);
        statement.setString(4, status);
        statement.setObject(5, filter.planId(), Types.BIGINT);
        statement.setObject(6, filter.planId(), Types.BIGINT);
        statement.setString(7, filter.chunk());
        statement.setString(8, filter.chunk());
        statement.setObject(9, id, Types.BIGINT);
        statement.setObject(10, id, Types.BIGINT);
        return 11;
    }

    /** Reads sms_message rows selected (or returned) with {@link #COLUMNS}. */
    static List<SmsMessage> read(PreparedStatement statement) throws SQLException {
        List<SmsMessage> messages = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                messages.add(new SmsMessage(rows.getLong("id"), SmsKind.valueOf(rows.getString("kind")),
                        SmsRecipient.valueOf(rows.getString("recipient_role")), rows.getString("recipient_code"),
                        rows.getString("phone"), rows.getString("language"), rows.getString("body"), rows.getString("encoding"),
                        rows.getInt("segments"), rows.getBoolean("urgent"), rows.getObject("plan_id", Long.class),
                        SmsStatus.valueOf(rows.getString("status")), rows.getInt("attempts"),
                        JdbcValues.instant(rows, "not_before"), JdbcValues.instant(rows, "expires_at"), rows.getString("sid"),
                        rows.getBigDecimal("price"), rows.getString("price_unit"), rows.getObject("error_code", Integer.class),
                        rows.getString("error_message"), JdbcValues.instant(rows, "created_at"), JdbcValues.instant(rows, "sent_at"),
                        List.of((String[]) rows.getArray("chunk_ids").getArray())));
            }
        }
        return messages;
    }
}
