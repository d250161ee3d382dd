package harvest.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Accepts an access token only while its session lives: signing out, disabling an account or changing its role
 * ends the session, and its tokens stop working at once rather than when they expire.
 */
@Singleton
public class ActiveSessions implements GenericJwtClaimsValidator<HttpRequest<?>> {
    private final Sessions sessions;

    public ActiveSessions(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object session = claims.get(Identity.SESSION);
        if (!(session instanceof String id)) {
            return false;
        }
        try {
            return sessions.active(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
