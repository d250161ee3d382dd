package harvest.security;

import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.context.BeanProvider;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in sessions. A session holds a refresh token (a random 256-bit value; only its SHA-256 is stored) and is
 * named in every access token issued for it, so revoking it ends both at once. Times are the database's wall
 * clock, not the district clock that tests move through a season.
 */
@Singleton
@Connectable
public class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcOperations jdbc;
    private final TokenGenerator tokens;
    private final SecuritySettings settings;
    /** A provider, because the sources revoke sessions themselves (an account disabled, a password changed). */
    private final BeanProvider<IdentitySource> sources;

    public Sessions(JdbcOperations jdbc, TokenGenerator tokens, SecuritySettings settings, BeanProvider<IdentitySource> sources) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.settings = settings;
        this.sources = sources;
    }

    @Transactional
    public SignedIn start(Identity identity) {
        UUID id = UUID.randomUUID();
        String refreshToken = newRefreshToken();
        Duration ttl = identity.kind() == Identity.Kind.STAFF ? settings.getStaffSessionTtl() : settings.getMobileSessionTtl();
        Instant expires = jdbc.prepareStatement("""
                INSERT INTO auth_session (id, kind, subject, refresh_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, now(), now() + make_interval(secs => ?)) RETURNING expires_at""", statement -> {
            statement.setObject(1, id);
            statement.setString(2, identity.kind().name());
            statement.setString(3, identity.subject());
            statement.setBytes(4, sha256(refreshToken));
            statement.setDouble(5, ttl.toSeconds());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getTimestamp(1).toInstant();
            }
        });
        return signedIn(id, identity, refreshToken, expires);
    }

    /**
     * A new access token for a live session, with the roles its holder has now, and a new refresh token in place of
     * the one presented. A holder who lost their roles loses the session; so does one whose refresh token was
     * already traded in, since then someone else has a copy of it.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public SignedIn refresh(String refreshToken) {
        byte[] presented = sha256(refreshToken);
        Optional<Session> found = find(presented);
        if (found.isEmpty()) {
            endReused(presented);
            throw new ProblemException(ProblemType.SIGN_IN_FAILED, "the refresh token is unknown, used, expired or revoked; sign in again");
        }
        Session session = found.get();
        Optional<Identity> identity = sources.stream().filter(source -> source.kind() == session.kind()).findFirst()
                .flatMap(source -> source.current(session.subject()));
        if (identity.isEmpty() || identity.get().roles().isEmpty()) {
            revoke(session.id());
            throw new ProblemException(ProblemType.SIGN_IN_FAILED, "this sign-in is no longer allowed; sign in again");
        }
        String next = newRefreshToken();
        jdbc.prepareStatement("UPDATE auth_session SET previous_hash = refresh_hash, refresh_hash = ? WHERE id = ?", statement -> {
            statement.setBytes(1, sha256(next));
            statement.setObject(2, session.id());
            return statement.executeUpdate();
        });
        return signedIn(session.id(), identity.get(), next, session.expiresAt());
    }

    private record Session(UUID id, Identity.Kind kind, String subject, Instant expiresAt) {
    }

    /** The live session of a refresh token, locked: two refreshes with one token cannot both succeed. */
    private Optional<Session> find(byte[] refreshHash) {
        return jdbc.prepareStatement("""
                SELECT id, kind, subject, expires_at FROM auth_session
                WHERE refresh_hash = ? AND revoked_at IS NULL AND expires_at > now() FOR UPDATE""", statement -> {
            statement.setBytes(1, refreshHash);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Session(rows.getObject(1, UUID.class), Identity.Kind.valueOf(rows.getString(2)),
                        rows.getString(3), rows.getTimestamp(4).toInstant()))
                        : Optional.empty();
            }
        });
    }

    private void endReused(byte[] refreshHash) {
        jdbc.prepareStatement("UPDATE auth_session SET revoked_at = now() WHERE previous_hash = ? AND revoked_at IS NULL", statement -> {
            statement.setBytes(1, refreshHash);
            return statement.executeUpdate();
        });
    }

    @Transactional
    public void revoke(UUID id) {
        jdbc.prepareStatement("UPDATE auth_session SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL", statement -> {
            statement.setObject(1, id);
            return statement.executeUpdate();
        });
    }

    /** Ends every session of an account or a number, e.g. when it is disabled or its password changes. */
    @Transactional
    public int revokeAll(Identity.Kind kind, String subject) {
        return jdbc.prepareStatement("""
                UPDATE auth_session SET revoked_at = now() WHERE kind = ? AND subject = ? AND revoked_at IS NULL""", statement -> {
            statement.setString(1, kind.name());
            statement.setString(2, subject);
            return statement.executeUpdate();
        });
    }

    public boolean active(UUID id) {
        return jdbc.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM auth_session WHERE id = ? AND revoked_at IS NULL AND expires_at > now())""", statement -> {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        });
    }

    private SignedIn signedIn(UUID id, Identity identity, String refreshToken, Instant expires) {
        int ttl = Math.toIntExact(settings.getAccessTokenTtl().toSeconds());
        String access = tokens.generateToken(identity.authentication(id), ttl)
                .orElseThrow(() -> new IllegalStateException("the token generator produced no token"));
        return new SignedIn(access, "Bearer", ttl, refreshToken, expires, identity.name(), identity.roles());
    }

    private static String newRefreshToken() {
        byte[] refresh = new byte[32];
        RANDOM.nextBytes(refresh);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(refresh);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
