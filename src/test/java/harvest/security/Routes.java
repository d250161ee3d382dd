package harvest.security;

import harvest.system.Roles;
import harvest.testing.Api;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.annotation.Secured;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;

import java.net.http.HttpRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every route the router knows, with the rule that guards it, for the tests that check the rules. */
@Singleton
public class Routes {
    private final Router router;
    private final EndpointSensitivityProcessor endpoints;

    public Routes(Router router, EndpointSensitivityProcessor endpoints) {
        this.router = router;
        this.endpoints = endpoints;
    }

    /** One route; {@code access} is empty when no rule names it (which a test must catch). */
    public record Route(HttpMethod method, String template, Optional<Set<String>> access, List<MediaType> consumes) {
        public boolean isPublic() {
            return access.orElse(Set.of()).contains("isAnonymous()");
        }

        public boolean allows(String role) {
            Set<String> rule = access.orElse(Set.of());
            return rule.contains(role) || rule.contains("isAnonymous()") || rule.contains("isAuthenticated()");
        }

        /** Calls the route on nobody's objects, with an empty body where it takes one: enough to meet its rule. */
        public Api.Reply callAs(Api caller) {
            boolean body = method.permitsRequestBody();
            return caller.send(method.name(), samplePath(), body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody(),
                    body ? contentType() : null);
        }

        /** A concrete path for the template: every variable filled with a harmless value, optional parts left out. */
        private String samplePath() {
            return template.replaceAll("\\{[/?][^}]*}", "")
                    .replace("{ledger}", "fields")
                    .replace("{date}", "2023-06-01")
                    .replace("{chunkId}", "NOBODYS-FIELD%231")
                    .replace("{id}", "999999")
                    .replaceAll("\\{[^}]+}", "NOBODYS");
        }

        private String contentType() {
            return consumes.isEmpty() || consumes.contains(MediaType.APPLICATION_JSON_TYPE)
                    ? MediaType.APPLICATION_JSON : consumes.getFirst().toString();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Every route but the HEAD twins the router adds for each GET (see {@link #heads()}). */
    public List<Route> all() {
        return everything().stream().filter(route -> route.method() != HttpMethod.HEAD).toList();
    }

    public List<Route> heads() {
        return everything().stream().filter(route -> route.method() == HttpMethod.HEAD).toList();
    }

    private List<Route> everything() {
        return router.uriRoutes().map(this::route).distinct().sorted(Comparator.comparing(Route::template).thenComparing(Route::method)).toList();
    }

    private Route route(UriRouteInfo<?, ?> info) {
        // read exactly as SecuredAnnotationRule reads it
        Optional<Set<String>> access = info.getAnnotationMetadata().getValue(Secured.class, String[].class)
                .map(values -> Set.copyOf(java.util.Arrays.asList(values)))
                .or(() -> endpointRule(info));
        return new Route(info.getHttpMethod(), info.getUriMatchTemplate().toString(), access, info.getConsumes());
    }

    /** Management endpoints are guarded by their sensitivity: open when configured not sensitive, else admins only. */
    private Optional<Set<String>> endpointRule(UriRouteInfo<?, ?> info) {
        Boolean sensitive = endpoints.getEndpointMethods().get(info.getTargetMethod().getExecutableMethod());
        if (sensitive == null) {
            return Optional.empty();
        }
        return Optional.of(sensitive ? Set.of(Roles.ADMIN) : Set.of("isAnonymous()"));
    }
}
