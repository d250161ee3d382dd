package harvest.sms.outbox;

import harvest.system.Actor;
import harvest.system.DistrictTime;
import harvest.system.JdbcValues;
import harvest.system.Sql;
import harvest.system.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
    private static final String WHERE = " WHERE (:phone::text IS NULL OR phone = :phone) AND (:status::text IS NULL OR status = :status)"
            + " AND (:plan::bigint IS NULL OR plan_id = :plan) AND (:chunk::text IS NULL OR :chunk = ANY (chunk_ids))"
            + " AND (:id::bigint IS NULL OR id = :id)";

    private final Sql sql;

    public SmsOutbox(Sql sql) {
        this.sql = sql;
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
        sql.of("""
                UPDATE sms_message SET secret = NULL, updated_at = now(),
                       status = CASE WHEN status = 'QUEUED' THEN 'EXPIRED' ELSE status END,
                       error_message = CASE WHEN status = 'QUEUED' THEN 'the code was used or replaced before it was sent' ELSE error_message END
                WHERE phone = :phone AND secret IS NOT NULL""").set("phone", phone).update();
    }

    /** Forgets every secret older than {@code age}: the code it carried has expired. */
    public int forgetSecretsOlderThan(Duration age) {
        return sql.of("""
                UPDATE sms_message SET secret = NULL WHERE secret IS NOT NULL AND created_at < now() - make_interval(secs => :age)""")
                .set("age", (double) age.toSeconds()).update();
    }

    private void insert(List<NewText> texts, @Nullable String secret, Duration validity) {
        sql.of("""
                INSERT INTO sms_message (kind, recipient_role, recipient_code, phone, language, body, encoding, segments,
                                         urgent, plan_id, expires_at, chunk_ids, requested_by, secret)
                VALUES (:kind, :role, :code, :phone, :language, :body, :encoding, :segments,
                        :urgent, :plan, now() + make_interval(secs => :validity), :chunks, :requestedBy, :secret)""")
                .set("validity", (double) validity.toSeconds()).set("requestedBy", Actor.current())
                .batch(texts, (statement, text) -> {
                    Segments segments = Segments.of(text.body());
                    statement.set("kind", text.kind()).set("role", text.role()).set("code", text.recipientCode())
                            .set("phone", text.phone()).set("language", text.language().tag()).set("body", text.body())
                            .set("encoding", segments.encoding()).set("segments", segments.count()).set("urgent", text.urgent())
                            .set("plan", text.planId()).setArray("chunks", "text", text.chunks()).set("secret", secret);
                });
    }

    /**
     * Texts that reached the provider for this number since {@code since}: the daily cap counts these. Sign-in codes
     * do not count: anyone may ask for them, and they must not push a person's own work texts to tomorrow.
     */
    public int sentSince(String phone, Instant since) {
        return (int) sql.of("""
                SELECT count(*) FROM sms_message
                WHERE phone = :phone AND sent_at >= :since AND status IN ('SENT', 'DELIVERED', 'UNDELIVERED', 'SIMULATED')
                    AND kind <> 'SIGN_IN_CODE'""").set("phone", phone).set("since", since).number();
    }

    /**
     * Texts of this kind queued at this account's request since the district's midnight: the per-account cap counts
     * these. Holds a lock on the account's count until the caller's transaction ends, so two requests at once
     * cannot both fit under the cap.
     */
    @Transactional(propagation = MANDATORY)
    public int requestedToday(String account, SmsKind kind) {
        sql.lockUntilCommit("texts requested by " + account);
        return (int) sql.of("""
                SELECT count(*) FROM sms_message WHERE requested_by = :account AND kind = :kind
                    AND created_at >= date_trunc('day', now() AT TIME ZONE :zone) AT TIME ZONE :zone""")
                .set("account", account).set("kind", kind).set("zone", DistrictTime.ZONE.getId()).number();
    }

    /** How many texts are in each status now, for the outbox's gauges. */
    public Map<SmsStatus, Long> countByStatus() {
        Map<SmsStatus, Long> counts = new EnumMap<>(SmsStatus.class);
        sql.of("SELECT status, count(*) FROM sms_message GROUP BY status")
                .list(rows -> counts.put(SmsStatus.valueOf(rows.getString(1)), rows.getLong(2)));
        return counts;
    }

    /** Whether a text of the outbox already holds this provider id. */
    public boolean sidRecorded(String sid) {
        return sql.of("SELECT 1 FROM sms_message WHERE sid = :sid").set("sid", sid).first(rows -> true).isPresent();
    }

    public SmsMessage get(long id) {
        return list(new Filter(null, null, null, null), id, 0, 1).stream().findFirst().orElseThrow(() -> ProblemException.notFound("text " + id));
    }

    /** Which texts to list: to a number, in a status, of a plan, about an assignment (chunk id); null for any. */
    public record Filter(@Nullable String phone, @Nullable SmsStatus status, @Nullable Long planId, @Nullable String chunk) {
    }

    /** Newest first. */
    public List<SmsMessage> list(Filter filter, @Nullable Long id, int page, int size) {
        return filtered(sql.of("SELECT " + COLUMNS + " FROM sms_message" + WHERE + " ORDER BY id DESC LIMIT :size OFFSET :offset"), filter, id)
                .set("size", size).set("offset", (long) page * size).list(SmsOutbox::read);
    }

    public long count(Filter filter) {
        return filtered(sql.of("SELECT count(*) FROM sms_message" + WHERE), filter, null).number();
    }

    private static Sql.Statement filtered(Sql.Statement statement, Filter filter, @Nullable Long id) {
        return statement.set("phone", filter.phone()).set("status", filter.status()).set("plan", filter.planId())
                .set("chunk", filter.chunk()).set("id", id);
    }

    /** Reads an sms_message row selected (or returned) with {@link #COLUMNS}. */
    static SmsMessage read(ResultSet rows) throws SQLException {
        return new SmsMessage(rows.getLong("id"), SmsKind.valueOf(rows.getString("kind")),
                SmsRecipient.valueOf(rows.getString("recipient_role")), rows.getString("recipient_code"),
                rows.getString("phone"), rows.getString("language"), rows.getString("body"), rows.getString("encoding"),
                rows.getInt("segments"), rows.getBoolean("urgent"), rows.getObject("plan_id", Long.class),
                SmsStatus.valueOf(rows.getString("status")), rows.getInt("attempts"),
                JdbcValues.instant(rows, "not_before"), JdbcValues.instant(rows, "expires_at"), rows.getString("sid"),
                rows.getBigDecimal("price"), rows.getString("price_unit"), rows.getObject("error_code", Integer.class),
                rows.getString("error_message"), JdbcValues.instant(rows, "created_at"), JdbcValues.instant(rows, "sent_at"),
                List.of((String[]) rows.getArray("chunk_ids").getArray()));
    }
}
