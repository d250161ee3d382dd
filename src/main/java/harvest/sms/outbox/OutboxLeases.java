package harvest.sms.outbox;

import harvest.sms.twilio.SmsSender;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.sql.Types;
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

    private final JdbcOperations jdbc;

    public OutboxLeases(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Due texts, urgent first, leased to the caller: no other worker takes them while the lease runs. */
    public List<SmsMessage> claim(int limit, Duration lease) {
        return leased("""
                UPDATE sms_message SET status = 'SENDING', lease_until = now() + make_interval(secs => ?), updated_at = now()
                WHERE id IN (SELECT id FROM sms_message WHERE status = 'QUEUED' AND not_before <= now()
                             ORDER BY urgent DESC, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + CLAIMED, limit, lease);
    }

    /** Texts whose worker died mid-send (SENDING after the lease), leased again to the caller to settle. */
    public List<SmsMessage> claimInDoubt(int limit, Duration lease) {
        return leased("""
                UPDATE sms_message SET lease_until = now() + make_interval(secs => ?), updated_at = now()
                WHERE id IN (SELECT id FROM sms_message WHERE status = 'SENDING' AND lease_until < now()
                             ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + CLAIMED, limit, lease);
    }

    /** The provider took it. */
    public void accepted(long id, SmsSender.Accepted accepted) {
        jdbc.prepareStatement("""
                UPDATE sms_message SET status = ?, sid = ?, segments = coalesce(?, segments), price = ?, price_unit = ?,
                       attempts = attempts + 1, sent_at = now(), lease_until = NULL, error_code = NULL, error_message = NULL,
                       updated_at = now()
                WHERE id = ? AND status = 'SENDING'""", statement -> {
            statement.setString(1, accepted.status().name());
            statement.setString(2, accepted.sid());
            statement.setObject(3, accepted.segments(), Types.INTEGER);
            statement.setBigDecimal(4, accepted.price());
            statement.setString(5, accepted.priceUnit());
            statement.setLong(6, id);
            return statement.executeUpdate();
        });
    }

    /**
     * A delivery status from the provider. Callbacks come late and out of order: a text already in a final state
     * keeps it, and SENT never replaces DELIVERED. Returns false when nothing changed.
     */
    public boolean delivery(String sid, SmsStatus status, @Nullable Integer errorCode) {
        return jdbc.prepareStatement("""
                UPDATE sms_message SET status = ?, error_code = coalesce(?, error_code), updated_at = now()
                WHERE sid = ? AND status <> ? AND status NOT IN (""" + SmsStatus.finalsInSql() + ")", statement -> {
            statement.setString(1, status.name());
            statement.setObject(2, errorCode, Types.INTEGER);
            statement.setString(3, sid);
            statement.setString(4, status.name());
            return statement.executeUpdate() == 1;
        });
    }

    /** Back in the queue from {@code notBefore}; {@code attempted} when the provider was asked and said no for now. */
    public void requeue(long id, Instant notBefore, boolean attempted, @Nullable String reason) {
        jdbc.prepareStatement("""
                UPDATE sms_message SET status = 'QUEUED', not_before = ?, lease_until = NULL, attempts = attempts + ?,
                       error_message = coalesce(?, error_message), updated_at = now()
                WHERE id = ? AND status = 'SENDING'""", statement -> {
            statement.setTimestamp(1, Timestamp.from(notBefore));
            statement.setInt(2, attempted ? 1 : 0);
            statement.setString(3, reason);
            statement.setLong(4, id);
            return statement.executeUpdate();
        });
    }

    /** Ends a text without sending it, or after the provider refused it for good. */
    public void end(long id, SmsStatus status, boolean attempted, @Nullable Integer code, String reason) {
        jdbc.prepareStatement("""
                UPDATE sms_message SET status = ?, lease_until = NULL, attempts = attempts + ?, error_code = ?,
                       error_message = ?, updated_at = now()
                WHERE id = ? AND status = 'SENDING'""", statement -> {
            statement.setString(1, status.name());
            statement.setInt(2, attempted ? 1 : 0);
            statement.setObject(3, code, Types.INTEGER);
            statement.setString(4, reason);
            statement.setLong(5, id);
            return statement.executeUpdate();
        });
    }

    private List<SmsMessage> leased(String sql, int limit, Duration lease) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setDouble(1, lease.toSeconds());
            statement.setInt(2, limit);
            return SmsOutbox.read(statement);
        });
    }

}
