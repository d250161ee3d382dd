package harvest.security;

import harvest.system.JdbcValues;
import harvest.system.Sql;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.context.BeanProvider;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final Sql sql;
    private final TokenGenerator tokens;
    private final SecuritySettings settings;
    /** A provider, because the sources revoke sessions themselves (an account disabled, a password changed). */
    private final BeanProvider<IdentitySource> sources;

    public Sessions(Sql sql, TokenGenerator tokens, SecuritySettings settings, BeanProvider<IdentitySource> sources) {
        this.sql = sql;
        this.tokens = tokens;
        this.settings = settings;
        this.sources = sources;
    }

    @Transactional
    public SignedIn start(Identity identity) {
        UUID id = UUID.randomUUID();
        String refreshToken = newRefreshToken();
        Duration ttl = identity.kind() == Identity.Kind.STAFF ? settings.getStaffSessionTtl() : settings.getMobileSessionTtl();
        Instant expires = sql.of("""
                INSERT INTO auth_session (id, kind, subject, refresh_hash, created_at, expires_at)
                VALUES (:id, :kind, :subject, :refreshHash, now(), now() + make_interval(secs => :ttl)) RETURNING expires_at""")
                .set("id", id).set("kind", identity.kind()).set("subject", identity.subject())
                .set("refreshHash", sha256(refreshToken)).set("ttl", (double) ttl.toSeconds())
                .first(rows -> JdbcValues.instant(rows, "expires_at")).orElseThrow();
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
        sql.of("UPDATE auth_session SET previous_hash = refresh_hash, refresh_hash = :refreshHash WHERE id = :id")
                .set("refreshHash", sha256(next)).set("id", session.id()).update();
        return signedIn(session.id(), identity.get(), next, session.expiresAt());
    }

    private record Session(UUID id, Identity.Kind kind, String subject, Instant expiresAt) {
    }

    /** The live session of a refresh token, locked: two refreshes with one token cannot both succeed. */
    private Optional<Session> find(byte[] refreshHash) {
        return sql.of("""
                SELECT id, kind, subject, expires_at FROM auth_session
                WHERE refresh_hash = :refreshHash AND revoked_at IS NULL AND expires_at > now() FOR UPDATE""")
                .set("refreshHash", refreshHash).first(Sessions::session);
    }

    private static Session session(ResultSet rows) throws SQLException {
        return new Session(rows.getObject("id", UUID.class), Identity.Kind.valueOf(rows.getString("kind")),
                rows.getString("subject"), JdbcValues.instant(rows, "expires_at"));
    }

    private void endReused(byte[] refreshHash) {
        sql.of("UPDATE auth_session SET revoked_at = now() WHERE previous_hash = :refreshHash AND revoked_at IS NULL")
                .set("refreshHash", refreshHash).update();
    }

    @Transactional
    public void revoke(UUID id) {
        sql.of("UPDATE auth_session SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL").set("id", id).update();
    }

    /** Ends every session of an account or a number, e.g. when it is disabled or its password changes. */
    @Transactional
    public int revokeAll(Identity.Kind kind, String subject) {
        return sql.of("UPDATE auth_session SET revoked_at = now() WHERE kind = :kind AND subject = :subject AND revoked_at IS NULL")
                .set("kind", kind).set("subject", subject).update();
    }

    public boolean active(UUID id) {
        return sql.of("SELECT 1 FROM auth_session WHERE id = :id AND revoked_at IS NULL AND expires_at > now()")
                .set("id", id).first(rows -> true).isPresent();
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
