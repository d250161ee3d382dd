package harvest.security;

import harvest.system.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import harvest.planning.PlanPolling;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.SettableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API1:2023, broken object level authorization. On the demo district's published plan, each kind of app user
 * (operator, farmer, team leader, drying-site contact) tries every route the app may call with someone else's
 * object and with one that does not exist: both get the same 403 and change nothing, while their own object works.
 * The table of probes must cover every app route the router knows, so a new one cannot ship without its check.
 */
@MicronautTest(transactional = false)
class Api1ObjectLevelAuthorizationTest extends DatabaseTest {
    private static final String NOBODYS = "NO-SUCH-CODE";

    @Inject
    Api api;
    @Inject
    Routes routes;
    @Inject
    SettableClock clock;

    private long plan;
    private List<JsonNode> assignments;

    /** Two people of one kind: "mine" is the signed-in one's object, "theirs" someone else's. */
    private record Pair(Api me, String mine, String theirs) {
    }

    private Pair operators;
    private Pair farmers;
    private Pair leaders;
    private Pair contacts;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.sms.worker-enabled", "false", "harvest.dispatch.draft-interval", "1h");
    }

    @BeforeAll
    void publishAPlanAndSignInOnePersonOfEachKind() {
        clock.set(OffsetDateTime.parse("2023-05-28T06:00:00+08:00").toInstant());
        plan = api.post("/api/v1/plans", """
                {"firstDay": "2023-05-28", "days": 12, "strategy": "GREEDY"}""").json().get("id").asLong();
        PlanPolling.awaitFinished(api, plan);
        assertThat(api.post("/api/v1/plans/" + plan + "/publish", "{}").status()).isEqualTo(200);
        assignments = StreamSupport.stream(api.get("/api/v1/plans/" + plan + "/assignments").json().spliterator(), false).toList();

        operators = pair(codesIn("machineCode"), code -> ledger("machines", code).path("operatorPhone").asText());
        farmers = pair(codesIn("fieldCode"), code -> ledger("farmers", ledger("fields", code).path("farmerCode").asText()).path("phone").asText());
        leaders = pair(codesIn("teamCode"), code -> ledger("teams", code).path("leaderPhone").asText());
        contacts = pair(codesIn("dryingSiteCode"), code -> ledger("drying-sites", code).path("contactPhone").asText());
    }

    private List<String> codesIn(String property) {
        return assignments.stream().map(a -> a.path(property).asText("")).filter(code -> !code.isEmpty()).distinct().sorted().toList();
    }

    private JsonNode ledger(String ledger, String code) {
        return api.get("/api/v1/" + ledger + "/code/" + code).json();
    }

    /** Two objects whose holders have different numbers; signs in as the first one's holder. */
    private Pair pair(List<String> codes, java.util.function.Function<String, String> phoneOf) {
        String mine = codes.getFirst();
        String myPhone = phoneOf.apply(mine);
        String theirs = codes.stream().filter(code -> !phoneOf.apply(code).equals(myPhone)).findFirst().orElseThrow();
        return new Pair(api.app(myPhone), mine, theirs);
    }

    private String chunkOf(String machine) {
        return URLEncoder.encode(assignments.stream().filter(a -> a.path("machineCode").asText().equals(machine))
                .findFirst().orElseThrow().path("chunkId").asText(), StandardCharsets.UTF_8);
    }

    /** The id the route's answer names: a job's chunk for the assignment routes, else the code itself. */
    private String chunkOrCode(String route, String code) {
        return route.contains("{chunkId}") ? java.net.URLDecoder.decode(chunkOf(code), StandardCharsets.UTF_8) : code;
    }

    private record Probe(Pair who, BiFunction<Api, String, Api.Reply> call) {
    }

    /** Every app route, keyed as the router names it, with how to call it on an object. */
    private Map<String, Probe> probes() {
        Map<String, Probe> probes = new LinkedHashMap<>();
        String plans = "/api/v1/plans/" + plan;
        probes.put("GET /api/v1/plans/{id}/machines/{code}", new Probe(operators, (as, code) -> as.get(plans + "/machines/" + code)));
        probes.put("GET /api/v1/plans/{id}/fields/{code}", new Probe(farmers, (as, code) -> as.get(plans + "/fields/" + code)));
        probes.put("GET /api/v1/plans/{id}/teams/{code}", new Probe(leaders, (as, code) -> as.get(plans + "/teams/" + code)));
        for (String action : List.of("status", "progress", "finish", "breakdown")) {
            Object body = switch (action) {
                case "status" -> Map.of("status", "CONFIRMED");
                case "progress" -> Map.of("doneMu", 1);
                case "finish" -> Map.of("actualMu", 1, "tonnes", 0.5);
                default -> Map.of();
            };
            probes.put("POST /api/v1/plans/{id}/assignments/{chunkId}/" + action, new Probe(operators,
                    (as, machine) -> as.post(plans + "/assignments/" + (machine.equals(NOBODYS) ? "NO-SUCH%231" : chunkOf(machine)) + "/" + action, body)));
        }
        probes.put("POST /api/v1/disruptions/not-ready", new Probe(farmers, (as, field) -> as.post("/api/v1/disruptions/not-ready", Map.of("fieldCode", field))));
        Map<String, Object> movement = Map.of("fieldCode", farmers.mine(), "tonnes", 1);
        probes.put("POST /api/v1/drying-sites/{code}/intake", new Probe(contacts, (as, site) -> as.post("/api/v1/drying-sites/" + site + "/intake", movement)));
        probes.put("POST /api/v1/drying-sites/{code}/outflow", new Probe(contacts, (as, site) -> as.post("/api/v1/drying-sites/" + site + "/outflow", movement)));
        probes.put("GET /api/v1/drying-sites/{code}/movements", new Probe(contacts, (as, site) -> as.get("/api/v1/drying-sites/" + site + "/movements")));
        return probes;
    }

    @Test
    void the_probes_cover_every_route_an_app_user_may_call_with_an_id() {
        Set<String> appRoles = Set.of(Roles.OPERATOR, Roles.FARMER, Roles.TEAM_LEADER, Roles.SITE_CONTACT);
        Set<String> appRoutes = routes.all().stream()
                .filter(route -> route.access().orElse(Set.of()).stream().anyMatch(appRoles::contains))
                .map(Routes.Route::toString).collect(Collectors.toSet());
        assertThat(probes().keySet()).isEqualTo(appRoutes);
    }

    @Test
    void someone_elses_object_and_a_missing_one_get_the_same_403_and_change_nothing() {
        String before = state();
        probes().forEach((route, probe) -> {
            Api.Reply theirs = probe.call().apply(probe.who().me(), probe.who().theirs());
            Api.Reply missing = probe.call().apply(probe.who().me(), NOBODYS);
            assertThat(theirs.status()).as(route + " on someone else's " + theirs).isEqualTo(403);
            assertThat(missing.status()).as(route + " on a missing object " + missing).isEqualTo(403);
            assertThat(theirs.json().path("type").asText()).endsWith("/forbidden");
            assertThat(missing.json().path("detail").asText().replace(NOBODYS, "X").replace("NO-SUCH#1", "X"))
                    .as(route + ": the answer does not tell a missing object from someone else's")
                    .isEqualTo(theirs.json().path("detail").asText().replace(probe.who().theirs(), "X").replace(chunkOrCode(route, probe.who().theirs()), "X"));
        });
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void their_own_objects_are_theirs() {
        probes().forEach((route, probe) -> {
            if (route.startsWith("GET")) {
                Api.Reply mine = probe.call().apply(probe.who().me(), probe.who().mine());
                assertThat(mine.status()).as(route + " on their own " + mine).isEqualTo(200);
            }
        });
        Api.Reply confirmed = api.app(ledger("machines", operators.mine()).path("operatorPhone").asText())
                .post("/api/v1/plans/" + plan + "/assignments/" + chunkOf(operators.mine()) + "/status", Map.of("status", "CONFIRMED"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
    }

    /**
     * Property level, on this published plan: phone numbers go where the texts take them. Operators and team leaders
     * are texted the household's phone with their jobs (and a farmer's is their own), so each view shows it; nobody
     * is texted a drying-site contact's phone and the public board withholds it, so only staff see that.
     */
    @Test
    void the_views_show_the_households_phone_to_the_people_texted_it_and_a_site_contacts_phone_to_staff_only() {
        String plans = "/api/v1/plans/" + plan;
        List<JsonNode> itinerary = daysOf(operators.me().get(plans + "/machines/" + operators.mine()).json());
        List<JsonNode> field = daysOf(farmers.me().get(plans + "/fields/" + farmers.mine()).json());
        List<JsonNode> tasks = StreamSupport.stream(leaders.me().get(plans + "/teams/" + leaders.mine()).json().spliterator(), false).toList();
        assertThat(List.of(itinerary, field, tasks)).as("each view has jobs").allSatisfy(jobs -> assertThat(jobs).isNotEmpty());

        assertThat(Stream.of(itinerary, field, tasks).flatMap(List::stream)).allSatisfy(job -> {
            String farmer = ledger("fields", job.path("fieldCode").asText()).path("farmerCode").asText();
            assertThat(job.at("/farmer/phone").asText()).isEqualTo(ledger("farmers", farmer).path("phone").asText()).startsWith("+86");
            assertThat(job.at("/dryingSite/name").asText()).isNotEmpty();
            assertThat(job.at("/dryingSite/contactName").asText()).isNotEmpty();
            assertThat(job.at("/dryingSite/contactPhone").isMissingNode()).as("the contact's phone, to an app user").isTrue();
        });
        assertThat(daysOf(api.staff(Roles.VIEWER).get(plans + "/machines/" + operators.mine()).json())).allSatisfy(job ->
                assertThat(job.at("/dryingSite/contactPhone").asText())
                        .isEqualTo(ledger("drying-sites", job.path("dryingSiteCode").asText()).path("contactPhone").asText()).startsWith("+86"));
    }

    private static List<JsonNode> daysOf(JsonNode view) {
        return StreamSupport.stream(view.path("days").spliterator(), false)
                .flatMap(day -> StreamSupport.stream(day.path("jobs").spliterator(), false)).toList();
    }

    @Test
    void the_app_shows_people_only_the_published_plan() {
        long draft = api.post("/api/v1/plans", """
                {"firstDay": "2023-05-28", "days": 3, "strategy": "GREEDY"}""").json().get("id").asLong();
        PlanPolling.awaitFinished(api, draft);

        Api.Reply refused = operators.me().get("/api/v1/plans/" + draft + "/machines/" + operators.mine());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(api.get("/api/v1/plans/" + draft + "/machines/" + operators.mine()).status()).as("staff see drafts").isIn(200, 404);
    }

    @Test
    void an_operator_cannot_call_off_even_their_own_job() {
        String job = "/api/v1/plans/" + plan + "/assignments/" + chunkOf(operators.mine()) + "/status";
        for (String status : List.of("CANCELLED", "NOTIFIED", "DONE", "FAILED")) {
            Api.Reply refused = operators.me().post(job, Map.of("status", status));
            assertThat(refused.status()).as(status + ": " + refused).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/plans/" + plan + "/assignments?machine=" + operators.mine()).text()).doesNotContain("CANCELLED");
    }

    @Test
    void an_app_user_sees_only_their_own_holdings() {
        JsonNode me = operators.me().get("/api/v1/me").json();
        assertThat(me.path("roles").toString()).contains(Roles.OPERATOR);
        assertThat(me.at("/holdings/machines").toString()).contains(operators.mine()).doesNotContain("\"" + operators.theirs() + "\"");
        assertThat(me.path("publishedPlanId").asLong()).isEqualTo(plan);
    }

    /** What the probes could have changed: the published plan's jobs, the disruptions and the drying records. */
    private String state() {
        return api.get("/api/v1/plans/" + plan + "/assignments").text()
                + api.get("/api/v1/disruptions?size=200").text()
                + api.get("/api/v1/drying-sites/status").text();
    }

    @Test
    void an_itinerary_polled_with_its_etag_is_304_until_the_data_changes_and_no_etag_opens_another_ones() {
        String mine = "/api/v1/plans/" + plan + "/machines/" + operators.mine();
        Api.Reply first = operators.me().get(mine);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.etag();

        Api.Reply again = operators.me().get(mine, "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.etag()).isEqualTo(etag);
        assertThat(operators.me().get("/api/v1/plans/" + plan + "/machines/" + operators.theirs(), "If-None-Match", etag).status())
                .as("another combine's itinerary, with a current ETag").isEqualTo(403);

        assertThat(api.post("/api/v1/communities", Map.of("code", "NEW-01", "name", "新村", "street", "新街", "lat", 34.2, "lon", 113.9))
                .status()).isEqualTo(201);

        Api.Reply changed = operators.me().get(mine, "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.etag()).isNotEqualTo(etag);
    }
}
