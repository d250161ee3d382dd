package harvest.security.staff;

import harvest.security.SecuritySettings;
import harvest.system.Sql;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

/**
 * Wrong passwords, counted by username and client address. A run of them from one address locks the username
 * there for a while; an account-wide lock needs many more, spread over addresses, within an hour. So a guesser is
 * slowed wherever it works from, and cannot lock the real person out from somewhere else just by failing.
 */
@Singleton
@Connectable
public class SignInFailures {
    private final Sql sql;
    private final SecuritySettings settings;

    public SignInFailures(Sql sql, SecuritySettings settings) {
        this.sql = sql;
        this.settings = settings;
    }

    /** The column holds 64 characters; a forwarded address longer than that is no address anyway. */
    private static String key(String client) {
        return client.length() > 64 ? client.substring(0, 64) : client;
    }

    public boolean locked(String username, String client) {
        return sql.of("""
                SELECT coalesce(bool_or(client = :client AND locked_until > now()), false),
                       coalesce(sum(failures) FILTER (WHERE last_at > now() - interval '1 hour'), 0)
                FROM sign_in_failure WHERE username = :username""")
                .set("client", key(client)).set("username", username)
                .first(rows -> rows.getBoolean(1) || rows.getInt(2) >= settings.getStaffFailuresPerAccountPerHour())
                .orElseThrow();
    }

    /** One more wrong password; a lock that has run out starts the count afresh, so one typo after it does not lock again. */
    public void failed(String username, String client) {
        sql.of("""
                INSERT INTO sign_in_failure AS f (username, client, failures, last_at) VALUES (:username, :client, 1, now())
                ON CONFLICT (username, client) DO UPDATE SET
                    failures = CASE WHEN f.locked_until IS NOT NULL THEN 1 ELSE f.failures + 1 END,
                    last_at = now(),
                    locked_until = CASE WHEN f.locked_until IS NULL AND f.failures + 1 >= :failuresBeforeLock
                        THEN now() + make_interval(secs => :lockSeconds) END""")
                .set("username", username).set("client", key(client))
                .set("failuresBeforeLock", settings.getStaffFailuresBeforeLock())
                .set("lockSeconds", (double) settings.getStaffLock().toSeconds())
                .update();
    }

    /** The right password from this address forgives its failures. */
    public void succeeded(String username, String client) {
        sql.of("DELETE FROM sign_in_failure WHERE username = :username AND client = :client")
                .set("username", username).set("client", key(client)).update();
    }

    /** A new password set by an admin forgives every failure. */
    public void forgive(String username) {
        sql.of("DELETE FROM sign_in_failure WHERE username = :username").set("username", username).update();
    }
}
