package harvest.security;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.http.HttpMethod;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API9:2023, improper inventory: every route the router knows has an explicit rule, the public ones are
 * exactly the short list below, and every other route turns away a caller without a token.
 */
@MicronautTest(transactional = false)
class RouteRulesTest extends DatabaseTest {
    /** Health, the public drying-site board, the signed Twilio webhooks, signing in and the way to the staff board. */
    static final Set<String> PUBLIC_ROUTES = Set.of(
            "GET /health", "GET /health/{selector}",
            "GET /api/v1/public/drying-sites",
            "POST /api/v1/sms/twilio/status", "POST /api/v1/sms/twilio/inbound",
            "POST /api/v1/auth/sign-in", "POST /api/v1/auth/refresh",
            "POST /api/v1/auth/mobile/codes", "POST /api/v1/auth/mobile/sign-in",
            "GET /board");
    /** The contract, its docs pages and the board's files: static files, public by the intercept-url-map. */
    static final Set<String> PUBLIC_FILES = Set.of("GET /swagger/**", "GET /swagger-ui/**", "GET /redoc/**", "GET /board/**", "GET /board-lib/**");

    @Inject
    Routes routes;
    @Inject
    SecurityConfiguration security;
    @Inject
    Api api;

    @Test
    void everyRouteHasAnExplicitRule() {
        List<Routes.Route> all = routes.all();
        assertThat(all).hasSizeGreaterThan(90);
        assertThat(all.stream().filter(route -> route.access().isEmpty()).map(Routes.Route::toString))
                .as("routes without a @Secured rule").isEmpty();
    }

    @Test
    void aHeadRouteHasTheRuleOfItsGet() {
        Map<String, Optional<Set<String>>> gets = routes.all().stream().filter(route -> route.method() == HttpMethod.GET)
                .collect(Collectors.toMap(Routes.Route::template, Routes.Route::access));
        assertThat(routes.heads()).isNotEmpty().allSatisfy(head -> assertThat(head.access()).as(head.toString()).isEqualTo(gets.get(head.template())));
    }

    @Test
    void thePublicRoutesAreExactlyTheShortList() {
        assertThat(routes.all().stream().filter(Routes.Route::isPublic).map(Routes.Route::toString).collect(Collectors.toSet()))
                .isEqualTo(PUBLIC_ROUTES);
        assertThat(security.getInterceptUrlMap().stream()
                .map(pattern -> (pattern.getHttpMethod() == null ? "ANY" : pattern.getHttpMethod().name()) + " " + pattern.getPattern())
                .collect(Collectors.toSet()))
                .isEqualTo(PUBLIC_FILES);
        assertThat(security.getInterceptUrlMap()).allMatch(pattern -> pattern.getAccess().equals(List.of("isAnonymous()")));
    }

    /** The router serves the contract's operations and the management endpoints (health, metrics, prometheus), nothing more. */
    @Test
    void everyRouteIsInTheContractButTheManagementEndpointsAndTheBoardPage() {
        Set<String> served = routes.all().stream().map(Routes.Route::toString)
                .filter(route -> !route.matches("GET /(health|metrics|prometheus)(/\\{\\w+})?"))
                .filter(route -> !route.matches("GET /board(/settings)?")).collect(Collectors.toSet());
        assertThat(served).isEqualTo(contractOperations().keySet());
    }

    @Test
    void theContractAsksForABearerTokenEverywhereButThePublicRoutes() {
        Set<String> open = contractOperations().entrySet().stream().filter(operation -> !operation.getValue().containsKey("security"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(open).isEqualTo(PUBLIC_ROUTES.stream().filter(route -> route.contains(" /api/")).collect(Collectors.toSet()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> contractOperations() {
        Map<String, Map<String, Map<String, Object>>> paths;
        try (var contract = java.nio.file.Files.newInputStream(Api.CONTRACT)) {
            paths = (Map<String, Map<String, Map<String, Object>>>) new org.yaml.snakeyaml.Yaml().<Map<String, Object>>load(contract).get("paths");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Map<String, Object>> operations = new java.util.HashMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) ->
                operations.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, operation)));
        return operations;
    }

    @Test
    void theContractAndItsDocsPageAreOpenToAnyone() {
        assertThat(api.anonymous().get("/swagger/harvest-api.yml").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/redoc/index.html").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/health").status()).isEqualTo(200);
    }

    @Test
    void everyOtherRouteAsksForAToken() {
        Api anonymous = api.anonymous();
        for (Routes.Route route : routes.all()) {
            if (route.isPublic()) {
                continue;
            }
            Api.Reply reply = route.callAs(anonymous);
            assertThat(reply.status()).as(route + " without a token").isEqualTo(401);
            assertThat(reply.header("Content-Type")).as(route.toString()).startsWith("application/problem+json");
            assertThat(reply.header("WWW-Authenticate")).as(route.toString()).startsWith("Bearer");
        }
    }
}
