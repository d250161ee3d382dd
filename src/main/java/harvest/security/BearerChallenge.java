package harvest.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

/**
 * Names the scheme on every 401 (RFC 6750 §3), so a client told to sign in learns that a bearer token is what is
 * wanted. Micronaut ships a challenge only for Basic auth, which this service does not offer.
 */
@Singleton
public class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {
    @Override
    public String getWwwAuthenticateChallenge(HttpRequest<?> request) {
        return "Bearer realm=\"harvest\"";
    }
}
