package harvest.security.staff;

import harvest.security.SecuritySettings;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/**
 * Wrong passwords, counted by username and client address. A run of them from one address locks the username
 * there for a while; an account-wide lock needs many more, spread over addresses, within an hour. So a guesser is
 * slowed wherever it works from, and cannot lock the real person out from somewhere else just by failing.
 */
@Singleton
@Connectable
public class SignInFailures {
    private final JdbcOperations jdbc;
    private final SecuritySettings settings;

    public SignInFailures(JdbcOperations jdbc, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The column holds 64 characters; a forwarded address longer than that is no address anyway. */
    private static String key(String client) {
        return client.length() > 64 ? client.substring(0, 64) : client;
    }

    public boolean locked(String username, String client) {
        return jdbc.prepareStatement("""
                SELECT coalesce(bool_or(client = ? AND locked_until > now()), false),
                       coalesce(sum(failures) FILTER (WHERE last_at > now() - interval '1 hour'), 0)
                FROM sign_in_failure WHERE username = ?""", statement -> {
            statement.setString(1, key(client));
            statement.setString(2, username);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1) || rows.getInt(2) >= settings.getStaffFailuresPerAccountPerHour();
            }
        });
    }

    /** One more wrong password; a lock that has run out starts the count afresh, so one typo after it does not lock again. */
    public void failed(String username, String client) {
        jdbc.prepareStatement("""
                INSERT INTO sign_in_failure AS f (username, client, failures, last_at) VALUES (?, ?, 1, now())
                ON CONFLICT (username, client) DO UPDATE SET
                    failures = CASE WHEN f.locked_until IS NOT NULL THEN 1 ELSE f.failures + 1 END,
                    last_at = now(),
                    locked_until = CASE WHEN f.locked_until IS NULL AND f.failures + 1 >= ? THEN now() + make_interval(secs => ?) END""",
                statement -> {
                    statement.setString(1, username);
                    statement.setString(2, key(client));
                    statement.setInt(3, settings.getStaffFailuresBeforeLock());
                    statement.setDouble(4, settings.getStaffLock().toSeconds());
                    return statement.executeUpdate();
                });
    }

    /** The right password from this address forgives its failures. */
    public void succeeded(String username, String client) {
        jdbc.prepareStatement("DELETE FROM sign_in_failure WHERE username = ? AND client = ?", statement -> {
            statement.setString(1, username);
            statement.setString(2, key(client));
            return statement.executeUpdate();
        });
    }

    /** A new password set by an admin forgives every failure. */
    public void forgive(String username) {
        jdbc.prepareStatement("DELETE FROM sign_in_failure WHERE username = ?", statement -> {
            statement.setString(1, username);
            return statement.executeUpdate();
        });
    }
}
