package harvest.sms.outbox;

import harvest.sms.twilio.SmsSender;
import harvest.system.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A queued text's way through the sender: leased to one worker at a time (across instances: {@code SKIP LOCKED}),
 * then accepted by the provider, put back for later or ended; the provider's delivery reports follow.
 */
@Singleton
@Connectable
public class OutboxLeases {
    /** The code of a sign-in text is filled in only here, for the worker about to send it. */
    private static final String CLAIMED = SmsOutbox.COLUMNS.replace(" body,", " CASE WHEN secret IS NULL THEN body ELSE replace(body, '" + SmsOutbox.SECRET + "', secret) END AS body,");

    private final Sql sql;

    public OutboxLeases(Sql sql) {
        this.sql = sql;
    }

    /** Due texts, urgent first, leased to the caller: no other worker takes them while the lease runs. */
    public List<SmsMessage> claim(int limit, Duration lease) {
        return leased("""
                UPDATE sms_message SET status = 'SENDING', lease_until = now() + make_interval(secs => :lease), updated_at = now()
                WHERE id IN (SELECT id FROM sms_message WHERE status = 'QUEUED' AND not_before <= now()
                             ORDER BY urgent DESC, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + CLAIMED, limit, lease);
    }

    /** Texts whose worker died mid-send (SENDING after the lease), leased again to the caller to settle. */
    public List<SmsMessage> claimInDoubt(int limit, Duration lease) {
        return leased("""
                UPDATE sms_message SET lease_until = now() + make_interval(secs => :lease), updated_at = now()
                WHERE id IN (SELECT id FROM sms_message WHERE status = 'SENDING' AND lease_until < now()
                             ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + CLAIMED, limit, lease);
    }

    /** The provider took it. */
    public void accepted(long id, SmsSender.Accepted accepted) {
        sql.of("""
                UPDATE sms_message SET status = :status, sid = :sid, segments = coalesce(:segments, segments), price = :price,
                       price_unit = :priceUnit, attempts = attempts + 1, sent_at = now(), lease_until = NULL, error_code = NULL,
                       error_message = NULL, updated_at = now()
                WHERE id = :id AND status = 'SENDING'""")
                .set("status", accepted.status()).set("sid", accepted.sid()).set("segments", accepted.segments())
                .set("price", accepted.price()).set("priceUnit", accepted.priceUnit()).set("id", id)
                .update();
    }

    /**
     * A delivery status from the provider. Callbacks come late and out of order: a text already in a final state
     * keeps it, and SENT never replaces DELIVERED. Returns false when nothing changed.
     */
    public boolean delivery(String sid, SmsStatus status, @Nullable Integer errorCode) {
        return sql.of("""
                UPDATE sms_message SET status = :status, error_code = coalesce(:errorCode, error_code), updated_at = now()
                WHERE sid = :sid AND status <> :status AND status NOT IN (""" + SmsStatus.finalsInSql() + ")")
                .set("status", status).set("errorCode", errorCode).set("sid", sid)
                .update() == 1;
    }

    /** Back in the queue from {@code notBefore}; {@code attempted} when the provider was asked and said no for now. */
    public void requeue(long id, Instant notBefore, boolean attempted, @Nullable String reason) {
        sql.of("""
                UPDATE sms_message SET status = 'QUEUED', not_before = :notBefore, lease_until = NULL, attempts = attempts + :attempts,
                       error_message = coalesce(:reason, error_message), updated_at = now()
                WHERE id = :id AND status = 'SENDING'""")
                .set("notBefore", notBefore).set("attempts", attempted ? 1 : 0).set("reason", reason).set("id", id)
                .update();
    }

    /**
     * The provider was asked and did not answer: the text stays SENDING, in doubt, until {@code lookUpAt}, when a
     * worker asks the provider whether it has it before sending it again.
     */
    public void inDoubt(long id, Instant lookUpAt, String reason) {
        sql.of("""
                UPDATE sms_message SET lease_until = :lookUpAt, attempts = attempts + 1, error_message = :reason, updated_at = now()
                WHERE id = :id AND status = 'SENDING'""")
                .set("lookUpAt", lookUpAt).set("reason", reason).set("id", id).update();
    }

    /** Ends a text without sending it, or after the provider refused it for good. */
    public void end(long id, SmsStatus status, boolean attempted, @Nullable Integer code, String reason) {
        sql.of("""
                UPDATE sms_message SET status = :status, lease_until = NULL, attempts = attempts + :attempts, error_code = :code,
                       error_message = :reason, updated_at = now()
                WHERE id = :id AND status = 'SENDING'""")
                .set("status", status).set("attempts", attempted ? 1 : 0).set("code", code).set("reason", reason).set("id", id)
                .update();
    }

    private List<SmsMessage> leased(String statement, int limit, Duration lease) {
        return sql.of(statement).set("lease", (double) lease.toSeconds()).set("limit", limit).list(SmsOutbox::read);
    }

}
