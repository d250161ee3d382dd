package harvest.security;

import harvest.system.Roles;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Management endpoints: the ones configured {@code sensitive: false} (health) are open, every other one (metrics)
 * is for admins only.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class AdminEndpoints extends SensitiveEndpointRule {
    public AdminEndpoints(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request, Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        return Publishers.just(authentication.getRoles().contains(Roles.ADMIN) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
