package harvest.security;

import harvest.system.Roles;
import harvest.planning.PlanPolling;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API5:2023, broken function level authorization: VIEWER reads, DISPATCHER plans and publishes, ADMIN manages
 * accounts, and the app's people reach only the app's routes. Every route is called with every role its rule does
 * not name, and each must answer 403.
 */
@MicronautTest(transactional = false)
class Api5FunctionLevelAuthorizationTest extends DatabaseTest {
    /** The operator of the demo district's M0001. */
    private static final String OPERATOR_PHONE = "+8613883014629";

    @Inject
    Api api;
    @Inject
    Routes routes;

    private Api viewer;
    private Api dispatcher;
    private Api operator;
    private Api farmer;
    private Api leader;
    private Api contact;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.sms.worker-enabled", "false");
    }

    @BeforeAll
    void signIn() {
        viewer = api.staff(Roles.VIEWER);
        dispatcher = api.staff(Roles.DISPATCHER);
        operator = api.app(OPERATOR_PHONE);
        farmer = api.app(api.get("/api/v1/farmers/code/F00001").json().path("phone").asText());
        leader = api.app(api.get("/api/v1/teams/code/T001").json().path("leaderPhone").asText());
        contact = api.app(api.get("/api/v1/drying-sites/code/D001").json().path("contactPhone").asText());
    }

    @Test
    void a_viewer_cannot_publish_a_plan() {
        long plan = api.post("/api/v1/plans", """
                {"firstDay": "2023-05-28", "days": 3, "strategy": "GREEDY"}""").json().get("id").asLong();
        PlanPolling.awaitFinished(api, plan);

        Api.Reply refused = viewer.post("/api/v1/plans/" + plan + "/publish", "{}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asText()).endsWith("/forbidden");
        assertThat(viewer.get("/api/v1/plans/" + plan).json().path("publication").asText()).isNotEqualTo("PUBLISHED");
        assertThat(dispatcher.post("/api/v1/plans/" + plan + "/publish", "{}").status()).isEqualTo(200);
    }

    @Test
    void a_dispatcher_cannot_manage_accounts_nor_raise_their_own_role() {
        assertThat(dispatcher.get("/api/v1/accounts").status()).isEqualTo(403);
        assertThat(dispatcher.put("/api/v1/accounts/dispatcher-user", Map.of("role", "ADMIN")).status()).isEqualTo(403);
        assertThat(dispatcher.post("/api/v1/accounts", Map.of("username", "mallory", "role", "ADMIN",
                "password", "a long enough passphrase")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/accounts/dispatcher-user").json().path("role").asText()).isEqualTo(Roles.DISPATCHER);
    }

    @Test
    void metrics_are_for_admins() {
        assertThat(dispatcher.get("/metrics").status()).isEqualTo(403);
        assertThat(api.get("/metrics").status()).isEqualTo(200);
    }

    @Test
    void every_route_refuses_every_role_its_rule_does_not_name() {
        Map<String, Api> callers = Map.of(Roles.VIEWER, viewer, Roles.DISPATCHER, dispatcher, Roles.OPERATOR, operator,
                Roles.FARMER, farmer, Roles.TEAM_LEADER, leader, Roles.SITE_CONTACT, contact);
        Map<String, List<String>> tokenRoles = Map.of(Roles.VIEWER, Roles.granted(Roles.VIEWER),
                Roles.DISPATCHER, Roles.granted(Roles.DISPATCHER), Roles.OPERATOR, List.of(Roles.OPERATOR),
                Roles.FARMER, List.of(Roles.FARMER), Roles.TEAM_LEADER, List.of(Roles.TEAM_LEADER), Roles.SITE_CONTACT, List.of(Roles.SITE_CONTACT));
        int refusals = 0;
        for (Routes.Route route : routes.all()) {
            for (Map.Entry<String, Api> caller : callers.entrySet()) {
                if (tokenRoles.get(caller.getKey()).stream().anyMatch(route::allows)) {
                    continue;
                }
                Api.Reply reply = route.callAs(caller.getValue());
                assertThat(reply.status()).as(route + " as " + caller.getKey() + ": " + reply).isEqualTo(403);
                refusals++;
            }
        }
        assertThat(refusals).as("the matrix is not empty").isGreaterThan(400);
    }

    @Test
    void the_app_roles_reach_only_the_app_routes() {
        Set<String> staffOnly = Set.of("POST /api/v1/plans", "POST /api/v1/plans/{id}/publish", "POST /api/v1/sms/broadcasts",
                "GET /api/v1/fields", "GET /api/v1/sms/messages", "GET /api/v1/audit");
        for (Routes.Route route : routes.all()) {
            if (staffOnly.contains(route.toString())) {
                assertThat(route.allows(Roles.OPERATOR) || route.allows(Roles.FARMER)).as(route.toString()).isFalse();
            }
        }
        assertThat(operator.get("/api/v1/me").status()).isEqualTo(200);
    }
}
