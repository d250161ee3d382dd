package harvest.security;

import harvest.system.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Ledgers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff accounts through the API: the first admin from the environment, accounts an admin makes and changes,
 * the password rules, the rule that there is always an enabled admin, a staff member's own password change, and
 * what GET /api/v1/me tells staff and app users. (Starting without or with bad first-admin variables: FirstAdminTest.)
 */
@MicronautTest(transactional = false)
class StaffAccountsTest extends DatabaseTest {
    private static final String OPERATOR = "+8613883014629";
    private static final String FARMER = "+8615078657975";

    @Inject
    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.sms.worker-enabled", "false");
    }

    @BeforeAll
    void ledgers() {
        Ledgers.createBaseRows(api);
        assertThat(api.post(Ledgers.Resource.MACHINES.path(), Ledgers.Resource.MACHINES.body("M-STAFF")).status()).isEqualTo(201);
        assertThat(api.post(Ledgers.Resource.FIELDS.path(), Ledgers.Resource.FIELDS.body("F-STAFF")).status()).isEqualTo(201);
    }

    @Test
    void the_first_admin_comes_from_the_properties() {
        Api.Reply signedIn = signIn("test-admin", "test admin passphrase");

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().path("roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(Roles.ADMIN, Roles.DISPATCHER, Roles.VIEWER);
        JsonNode account = api.get("/api/v1/accounts/test-admin").json();
        assertThat(account.path("role").asText()).isEqualTo(Roles.ADMIN);
        assertThat(account.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void an_admin_creates_viewers_and_dispatchers_and_lists_them() {
        Api.Reply viewer = create("clerk", "VIEWER", "granite window purple kite");
        Api.Reply dispatcher = api.post("/api/v1/accounts", Map.of("username", "dispatch.lead", "displayName", "调度 组长",
                "role", "DISPATCHER", "password", "granite window purple kite"));

        assertThat(viewer.status()).isEqualTo(201);
        assertThat(viewer.header("Location")).isEqualTo("/api/v1/accounts/clerk");
        assertThat(viewer.json().path("role").asText()).isEqualTo("VIEWER");
        assertThat(dispatcher.status()).isEqualTo(201);
        assertThat(dispatcher.json().path("displayName").asText()).isEqualTo("调度 组长");
        JsonNode list = api.get("/api/v1/accounts").json();
        assertThat(list).extracting(account -> account.path("username").asText()).contains("test-admin", "clerk", "dispatch.lead");
        assertThat(signIn("clerk", "granite window purple kite").json().path("roles")).extracting(JsonNode::asText)
                .containsExactly(Roles.VIEWER);
        assertThat(signIn("dispatch.lead", "granite window purple kite").json().path("roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(Roles.DISPATCHER, Roles.VIEWER);
    }

    @Test
    void only_an_admin_manages_accounts() {
        Api dispatcher = api.staff("DISPATCHER");

        assertThat(dispatcher.get("/api/v1/accounts").status()).isEqualTo(403);
        assertThat(dispatcher.post("/api/v1/accounts", Map.of("username", "sneaky", "role", "ADMIN",
                "password", "granite window purple kite")).status()).isEqualTo(403);
        assertThat(dispatcher.put("/api/v1/accounts/dispatcher-user", Map.of("role", "ADMIN")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/accounts/sneaky").status()).isEqualTo(404);
    }

    @Test
    void account_responses_never_carry_the_password_hash() {
        JsonNode created = create("hashless", "VIEWER", "granite window purple kite").json();
        JsonNode fetched = api.get("/api/v1/accounts/hashless").json();
        JsonNode updated = api.put("/api/v1/accounts/hashless", Map.of("password", "another granite window kite")).json();
        JsonNode listed = api.get("/api/v1/accounts").json();

        List<JsonNode> accounts = new ArrayList<>(List.of(created, fetched, updated));
        listed.forEach(accounts::add);
        for (JsonNode account : accounts) {
            List<String> names = new ArrayList<>();
            account.fieldNames().forEachRemaining(names::add);
            assertThat(names).filteredOn(name -> name.toLowerCase().contains("password") || name.toLowerCase().contains("hash"))
                    .containsExactly("passwordChangedAt");
            assertThat(account.toString()).doesNotContain("$argon2").doesNotContain("granite window");
        }
    }

    @Test
    void a_username_is_taken_once() {
        assertThat(create("twin", "VIEWER", "granite window purple kite").status()).isEqualTo(201);

        Api.Reply again = create("twin", "DISPATCHER", "different words entirely here");

        assertThat(again.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/accounts/twin").json().path("role").asText()).isEqualTo("VIEWER");
    }

    @Test
    void weak_passwords_are_refused_naming_the_password() {
        assertThat(create("weakling", "VIEWER", "short words").errorFields()).as("11 characters").containsExactly("password");
        assertThat(create("weakling", "VIEWER", "my name is weakling ok").errorFields()).as("the username").containsExactly("password");
        assertThat(create("weakling", "VIEWER", "MY NAME IS WEAKLING OK").errorFields()).as("the username, upper case").containsExactly("password");
        assertThat(create("weakling", "VIEWER", "abababababababab").errorFields()).as("two distinct characters").containsExactly("password");
        assertThat(create("weakling", "VIEWER", "            ").errorFields()).as("blank").containsExactly("password");
        assertThat(create("weakling", "VIEWER", "x".repeat(129)).errorFields()).as("over 128").containsExactly("password");
        assertThat(api.get("/api/v1/accounts/weakling").status()).isEqualTo(404);

        assertThat(create("weakling", "VIEWER", "granite window purple kite").status()).isEqualTo(201);
        Api.Reply update = api.put("/api/v1/accounts/weakling", Map.of("password", "weakling weakling"));
        assertThat(update.status()).isEqualTo(422);
        assertThat(update.errorFields()).containsExactly("password");
        assertThat(signIn("weakling", "granite window purple kite").status()).as("the old password stays").isEqualTo(200);
    }

    @Test
    void the_last_enabled_admin_can_be_neither_demoted_nor_disabled() {
        Api.Reply demote = api.put("/api/v1/accounts/test-admin", Map.of("role", "DISPATCHER"));
        Api.Reply disable = api.put("/api/v1/accounts/test-admin", Map.of("enabled", false));

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().path("detail").asText()).contains("last enabled admin");
        assertThat(disable.status()).isEqualTo(409);

        // A disabled admin cannot manage accounts, so it does not count.
        assertThat(create("sleeper", "ADMIN", "granite window purple kite").status()).isEqualTo(201);
        assertThat(api.put("/api/v1/accounts/sleeper", Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/accounts/test-admin", Map.of("enabled", false)).status()).isEqualTo(409);

        // With a second enabled admin either may step down, but not both.
        assertThat(create("deputy", "ADMIN", "granite window purple kite").status()).isEqualTo(201);
        Api deputy = api.withToken(signIn("deputy", "granite window purple kite").json().path("accessToken").asText());
        assertThat(api.put("/api/v1/accounts/deputy", Map.of("role", "VIEWER")).status()).isEqualTo(200);
        assertThat(deputy.get("/api/v1/accounts").status()).as("the demoted admin's token ended").isEqualTo(401);
        assertThat(api.put("/api/v1/accounts/test-admin", Map.of("role", "VIEWER")).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/accounts/test-admin").json().path("role").asText()).isEqualTo(Roles.ADMIN);
    }

    @Test
    void a_staff_member_changes_their_own_password_and_every_session_ends() {
        create("changer", "DISPATCHER", "granite window purple kite");
        JsonNode first = signIn("changer", "granite window purple kite").json();
        JsonNode second = signIn("changer", "granite window purple kite").json();
        Api changer = api.withToken(first.path("accessToken").asText());

        Api.Reply wrongCurrent = changer.post("/api/v1/me/password",
                Map.of("currentPassword", "not my password at all", "newPassword", "lighthouse cobalt evening"));
        assertThat(wrongCurrent.status()).isEqualTo(422);
        assertThat(wrongCurrent.errorFields()).containsExactly("currentPassword");
        assertThat(changer.get("/api/v1/me").status()).as("a refused change ends nothing").isEqualTo(200);

        Api.Reply changed = changer.post("/api/v1/me/password",
                Map.of("currentPassword", "granite window purple kite", "newPassword", "lighthouse cobalt evening"));

        assertThat(changed.status()).isEqualTo(204);
        for (JsonNode session : List.of(first, second)) {
            assertThat(api.withToken(session.path("accessToken").asText()).get("/api/v1/me").status()).isEqualTo(401);
            assertThat(api.anonymous().post("/api/v1/auth/refresh", Map.of("refreshToken", session.path("refreshToken").asText()))
                    .status()).isEqualTo(401);
        }
        assertThat(signIn("changer", "granite window purple kite").status()).isEqualTo(401);
        assertThat(signIn("changer", "lighthouse cobalt evening").status()).isEqualTo(200);
    }

    @Test
    void a_new_own_password_must_be_a_good_one_and_is_named_as_sent() {
        create("picky", "VIEWER", "granite window purple kite");
        Api picky = api.withToken(signIn("picky", "granite window purple kite").json().path("accessToken").asText());

        Api.Reply tooShort = picky.post("/api/v1/me/password",
                Map.of("currentPassword", "granite window purple kite", "newPassword", "short one"));
        Api.Reply withName = picky.post("/api/v1/me/password",
                Map.of("currentPassword", "granite window purple kite", "newPassword", "picky picky picky"));
        Api.Reply fewCharacters = picky.post("/api/v1/me/password",
                Map.of("currentPassword", "granite window purple kite", "newPassword", "zzzzyyyyzzzzyyyy"));

        assertThat(tooShort.errorFields()).containsExactly("newPassword");
        assertThat(withName.errorFields()).containsExactly("newPassword");
        assertThat(fewCharacters.errorFields()).containsExactly("newPassword");
        assertThat(picky.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void an_app_user_has_no_staff_password_to_change() {
        Api operator = api.app(OPERATOR);

        assertThat(operator.post("/api/v1/me/password",
                Map.of("currentPassword", "granite window purple kite", "newPassword", "lighthouse cobalt evening")).status())
                .isEqualTo(403);
    }

    @Test
    void me_tells_staff_their_name_and_roles() {
        JsonNode me = api.staff("DISPATCHER").get("/api/v1/me").json();

        assertThat(me.path("name").asText()).isEqualTo("dispatcher-user");
        assertThat(me.path("kind").asText()).isEqualTo("STAFF");
        assertThat(me.path("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder(Roles.DISPATCHER, Roles.VIEWER);
        assertThat(me.path("holdings").isMissingNode() || me.path("holdings").isNull()).isTrue();
        assertThat(me.path("publishedPlanId").isMissingNode() || me.path("publishedPlanId").isNull())
                .as("nothing is published").isTrue();
    }

    @Test
    void me_tells_an_app_user_what_they_hold() {
        JsonNode operator = api.app(OPERATOR).get("/api/v1/me").json();
        JsonNode farmer = api.app(FARMER).get("/api/v1/me").json();

        assertThat(operator.path("name").asText()).isEqualTo("app " + OPERATOR);
        assertThat(operator.path("kind").asText()).isEqualTo("MOBILE");
        assertThat(operator.path("roles")).extracting(JsonNode::asText).containsExactly(Roles.OPERATOR);
        assertThat(texts(operator.path("holdings").path("machines"))).containsExactly("M-STAFF");
        assertThat(texts(operator.path("holdings").path("fields"))).isEmpty();
        assertThat(operator.path("publishedPlanId").isMissingNode() || operator.path("publishedPlanId").isNull()).isTrue();

        assertThat(farmer.path("roles")).extracting(JsonNode::asText).containsExactly(Roles.FARMER);
        assertThat(texts(farmer.path("holdings").path("farmers"))).containsExactly(Ledgers.BASE_FARMER);
        assertThat(texts(farmer.path("holdings").path("fields"))).containsExactly("F-STAFF");
        assertThat(texts(farmer.path("holdings").path("machines"))).isEmpty();
    }

    private Api.Reply create(String username, String role, String password) {
        return api.post("/api/v1/accounts", Map.of("username", username, "role", role, "password", password));
    }

    private Api.Reply signIn(String username, String password) {
        return api.anonymous().post("/api/v1/auth/sign-in", Map.of("username", username, "password", password));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        for (Iterator<JsonNode> items = array.elements(); items.hasNext(); ) {
            texts.add(items.next().asText());
        }
        return texts;
    }
}
