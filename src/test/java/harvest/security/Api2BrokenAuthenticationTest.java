package harvest.security;

import harvest.system.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Ledgers;
import harvest.testing.TestPostgres;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API2:2023, broken authentication: only a token signed with the server's key, unexpired, and naming a live
 * session opens a route; passwords and texted codes cannot be guessed at leisure, and the answers do not tell
 * which usernames or phone numbers exist.
 */
@MicronautTest(transactional = false)
class Api2BrokenAuthenticationTest extends DatabaseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROTECTED = "/api/v1/fields";
    private static final String OPERATOR = "+8613883014629";
    private static final String FARMER = "+8615078657975";
    /** A valid mobile number that no ledger holds. */
    private static final String STRANGER = "+8613900001111";

    @Inject
    Api api;
    @Inject
    @Named("generator")
    SignatureGeneratorConfiguration serverKey;
    @Inject
    ServerSecret secret;

    @Override
    protected Map<String, String> extraProperties() {
        // The tests ask one number for many codes; the per-number limits are not what is under test here.
        return Map.of("harvest.security.codes-per-number-per-hour", "1000",
                "harvest.security.codes-per-number-per-day", "1000",
                "harvest.security.staff-failures-per-account-per-hour", "30",
                "micronaut.server.client-address-header", "X-Forwarded-For",
                "harvest.sms.worker-enabled", "false");
    }

    @BeforeAll
    void ledgers() {
        Ledgers.createBaseRows(api);
        assertThat(api.post(Ledgers.Resource.MACHINES.path(), Ledgers.Resource.MACHINES.body("M-AUTH")).status()).isEqualTo(201);
    }

    // --- tokens ---------------------------------------------------------------------------------------------------

    @Test
    void a_route_needing_a_token_refuses_a_missing_or_garbage_token() {
        assertUnauthorized(api.anonymous().get(PROTECTED));
        assertUnauthorized(api.withToken("garbage").get(PROTECTED));
        assertUnauthorized(api.withToken("a.b.c").get(PROTECTED));
        assertUnauthorized(api.anonymous().get(PROTECTED, "Authorization", "Basic dGVzdC1hZG1pbjp0ZXN0IGFkbWluIHBhc3NwaHJhc2U="));
        assertThat(api.get(PROTECTED).status()).as("the same route with a real token").isEqualTo(200);
    }

    @Test
    void a_token_signed_with_another_key_is_refused() throws Exception {
        JWTClaimsSet claims = claims(signIn("test-admin", "test admin passphrase").path("accessToken").asText());
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        forged.sign(new MACSigner(otherKey));

        assertUnauthorized(api.withToken(forged.serialize()).get(PROTECTED));
    }

    @Test
    void an_unsigned_token_is_refused_even_with_admin_roles_and_a_live_session() throws Exception {
        JWTClaimsSet real = claims(signIn("test-admin", "test admin passphrase").path("accessToken").asText());
        assertThat(real.getStringListClaim("roles")).contains(Roles.ADMIN);

        assertUnauthorized(api.withToken(new PlainJWT(real).serialize()).get(PROTECTED));
        assertUnauthorized(api.withToken(new PlainJWT(real).serialize()).get("/api/v1/accounts"));
    }

    @Test
    void an_expired_token_is_refused_though_the_server_signed_it() throws Exception {
        JWTClaimsSet real = claims(signIn("test-admin", "test admin passphrase").path("accessToken").asText());
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        JWTClaimsSet expired = new JWTClaimsSet.Builder()
                .subject(real.getSubject())
                .claim("roles", real.getClaim("roles"))
                .claim(Identity.SESSION, real.getClaim(Identity.SESSION))
                .claim(Identity.KIND, real.getClaim(Identity.KIND))
                .issueTime(Date.from(hourAgo.minus(Duration.ofMinutes(15))))
                .notBeforeTime(Date.from(hourAgo.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(hourAgo))
                .build();
        String token = serverKey.sign(expired).serialize();
        // The same claims with a future expiry pass, so the refusal is the expiry's doing, not a flaw in the copy.
        String fresh = serverKey.sign(new JWTClaimsSet.Builder(expired)
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build()).serialize();

        assertUnauthorized(api.withToken(token).get(PROTECTED));
        assertThat(api.withToken(fresh).get(PROTECTED).status()).isEqualTo(200);
    }

    @Test
    void a_real_token_with_an_edited_payload_is_refused() throws Exception {
        createAccount("edited-viewer", "VIEWER", "paper lantern river stone");
        String token = signIn("edited-viewer", "paper lantern river stone").path("accessToken").asText();
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        payload.putArray("roles").add(Roles.ADMIN).add(Roles.DISPATCHER).add(Roles.VIEWER);
        String edited = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload))
                + "." + parts[2];

        assertThat(api.withToken(token).get("/api/v1/accounts").status()).as("the untouched token: a viewer").isEqualTo(403);
        assertUnauthorized(api.withToken(edited).get("/api/v1/accounts"));
        assertUnauthorized(api.withToken(edited).get(PROTECTED));
    }

    @Test
    void signing_out_ends_the_access_token_and_the_refresh_token() {
        JsonNode session = signIn("test-admin", "test admin passphrase");
        Api signedIn = api.withToken(session.path("accessToken").asText());
        assertThat(signedIn.get(PROTECTED).status()).isEqualTo(200);

        assertThat(signedIn.post("/api/v1/auth/sign-out", "{}").status()).isEqualTo(204);

        assertUnauthorized(signedIn.get(PROTECTED));
        assertThat(signedIn.post("/api/v1/auth/sign-out", "{}").status()).as("signing out twice").isEqualTo(401);
        Api.Reply refresh = refresh(session.path("refreshToken").asText());
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.json().path("type").asText()).endsWith("/sign-in-failed");
        assertThat(api.get(PROTECTED).status()).as("the admin's other sessions go on").isEqualTo(200);
    }

    @Test
    void a_live_session_is_refreshed_into_a_working_token() {
        JsonNode session = signIn("test-admin", "test admin passphrase");

        Api.Reply refreshed = refresh(session.path("refreshToken").asText());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().path("roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(Roles.ADMIN, Roles.DISPATCHER, Roles.VIEWER);
        assertThat(api.withToken(refreshed.json().path("accessToken").asText()).get(PROTECTED).status()).isEqualTo(200);
        assertThat(refresh("not-a-refresh-token").status()).isEqualTo(401);
    }

    @Test
    void each_refresh_trades_the_token_in_and_a_copy_used_later_ends_the_session() {
        JsonNode session = signIn("test-admin", "test admin passphrase");
        String first = session.path("refreshToken").asText();
        JsonNode second = refresh(first).json();
        assertThat(second.path("refreshToken").asText()).isNotEqualTo(first);
        JsonNode third = refresh(second.path("refreshToken").asText()).json();

        assertThat(refresh(first).status()).as("an old token, presented again").isEqualTo(401);
        assertThat(refresh(second.path("refreshToken").asText()).status()).isEqualTo(401);

        assertThat(refresh(third.path("refreshToken").asText()).status()).as("the session is over for everyone").isEqualTo(401);
        assertUnauthorized(api.withToken(third.path("accessToken").asText()).get(PROTECTED));
    }

    @Test
    void an_app_session_is_refreshed_with_the_holdings_of_now() {
        String code = requestCode(OPERATOR);
        JsonNode session = api.anonymous().post("/api/v1/auth/mobile/sign-in", Map.of("phone", OPERATOR, "code", code)).json();

        Api.Reply refreshed = refresh(session.path("refreshToken").asText());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().path("roles")).extracting(JsonNode::asText).containsExactly(Roles.OPERATOR);
        Api.Reply me = api.withToken(refreshed.json().path("accessToken").asText()).get("/api/v1/me");
        assertThat(me.json().path("holdings").path("machines")).extracting(JsonNode::asText).containsExactly("M-AUTH");
    }

    @Test
    void a_number_that_left_the_ledgers_loses_its_session_for_good() throws Exception {
        String phone = "+8613883014699";
        assertThat(api.post(Ledgers.Resource.MACHINES.path(), Ledgers.with(Ledgers.with(Ledgers.Resource.MACHINES.body("M-GONE"),
                "operatorPhone", phone), "plate", "豫K99999")).status()).isEqualTo(201);
        JsonNode session = codeSignIn(phone, requestCode(phone)).json();
        sql("UPDATE machine SET operator_phone = '+8613800000001' WHERE code = 'M-GONE'");

        assertThat(refresh(session.path("refreshToken").asText()).status()).isEqualTo(401);

        sql("UPDATE machine SET operator_phone = '" + phone + "' WHERE code = 'M-GONE'");
        assertThat(refresh(session.path("refreshToken").asText()).status()).as("the number is back, its old session is not").isEqualTo(401);
        assertUnauthorized(api.withToken(session.path("accessToken").asText()).get("/api/v1/me"));
    }

    @Test
    void a_new_role_ends_the_holders_tokens_at_once() {
        createAccount("promoted", "VIEWER", "copper kettle morning tide");
        JsonNode session = signIn("promoted", "copper kettle morning tide");
        Api promoted = api.withToken(session.path("accessToken").asText());
        assertThat(promoted.get(PROTECTED).status()).isEqualTo(200);

        assertThat(api.put("/api/v1/accounts/promoted", Map.of("role", "DISPATCHER")).status()).isEqualTo(200);

        assertUnauthorized(promoted.get(PROTECTED));
        assertThat(refresh(session.path("refreshToken").asText()).status()).isEqualTo(401);
        JsonNode again = signIn("promoted", "copper kettle morning tide");
        assertThat(again.path("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder(Roles.DISPATCHER, Roles.VIEWER);
    }

    @Test
    void disabling_an_account_ends_its_tokens_at_once_and_it_cannot_sign_in() {
        createAccount("leaver", "DISPATCHER", "orchard ladder winter wool");
        JsonNode session = signIn("leaver", "orchard ladder winter wool");
        Api leaver = api.withToken(session.path("accessToken").asText());
        assertThat(leaver.get(PROTECTED).status()).isEqualTo(200);

        assertThat(api.put("/api/v1/accounts/leaver", Map.of("enabled", false)).status()).isEqualTo(200);

        assertUnauthorized(leaver.get(PROTECTED));
        assertThat(refresh(session.path("refreshToken").asText()).status()).isEqualTo(401);
        assertThat(staffSignIn("leaver", "orchard ladder winter wool").status()).isEqualTo(401);
    }

    // --- staff passwords ------------------------------------------------------------------------------------------

    @Test
    void a_wrong_password_and_an_unknown_username_get_the_same_answer() {
        Api.Reply wrongPassword = staffSignIn("test-admin", "not the admin passphrase");
        Api.Reply unknownUser = staffSignIn("nobody-here", "not the admin passphrase");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.json()).isEqualTo(unknownUser.json());
        assertThat(wrongPassword.json().path("type").asText()).endsWith("/sign-in-failed");
    }

    @Test
    void ten_wrong_passwords_lock_the_account_against_the_right_one_too() {
        createAccount("fumbler", "VIEWER", "maple syrup harbour light");
        for (int i = 0; i < 9; i++) {
            assertThat(staffSignIn("fumbler", "wrong guess number " + i).status()).isEqualTo(401);
        }
        assertThat(staffSignIn("fumbler", "maple syrup harbour light").status()).as("nine are forgiven by a success").isEqualTo(200);

        Api.Reply wrong = null;
        for (int i = 0; i < 10; i++) {
            wrong = staffSignIn("fumbler", "wrong guess number " + i);
            assertThat(wrong.status()).isEqualTo(401);
        }
        Api.Reply locked = staffSignIn("fumbler", "maple syrup harbour light");

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json()).as("a locked account says no more than a wrong password").isEqualTo(wrong.json());
        assertThat(api.get("/api/v1/accounts/fumbler").json().path("enabled").asBoolean()).as("locked, not disabled").isTrue();
    }

    @Test
    void a_guesser_locks_the_account_only_where_it_guesses_until_its_guesses_add_up_everywhere() {
        createAccount("target", "VIEWER", "quiet river under the bridge");
        for (int i = 0; i < 10; i++) {
            staffSignIn("target", "wrong guess number " + i, "198.51.100.61");
        }
        assertThat(staffSignIn("target", "quiet river under the bridge", "198.51.100.61").status()).as("locked where it guessed").isEqualTo(401);
        assertThat(staffSignIn("target", "quiet river under the bridge", "203.0.113.5").status()).as("not elsewhere").isEqualTo(200);

        for (int i = 0; i < 20; i++) {
            staffSignIn("target", "wrong guess number " + i, "198.51.100." + (62 + i / 10));
        }
        assertThat(staffSignIn("target", "quiet river under the bridge", "203.0.113.5").status())
                .as("thirty guesses within the hour, from three addresses, lock it everywhere").isEqualTo(401);
    }

    @Test
    void a_stolen_token_cannot_be_used_to_guess_the_current_password() {
        createAccount("holder", "VIEWER", "lanterns along the canal");
        Api holder = api.withToken(signIn("holder", "lanterns along the canal").path("accessToken").asText());
        for (int i = 0; i < 10; i++) {
            assertThat(holder.post("/api/v1/me/password", Map.of("currentPassword", "guess number " + i,
                    "newPassword", "an entirely new passphrase")).status()).isEqualTo(422);
        }

        Api.Reply right = holder.post("/api/v1/me/password", Map.of("currentPassword", "lanterns along the canal",
                "newPassword", "an entirely new passphrase"));

        assertThat(right.status()).as("wrong current passwords count as failed sign-ins").isEqualTo(429);
        assertThat(staffSignIn("holder", "lanterns along the canal").status()).as("and lock sign-in from there too").isEqualTo(401);
    }

    @Test
    void when_a_lock_runs_out_the_count_starts_afresh() throws Exception {
        createAccount("typist", "VIEWER", "copper kettle on the stove");
        for (int i = 0; i < 10; i++) {
            staffSignIn("typist", "wrong guess number " + i);
        }
        sql("UPDATE sign_in_failure SET locked_until = now() - interval '1 second' WHERE username = 'typist'");

        assertThat(staffSignIn("typist", "one more typo").status()).isEqualTo(401);

        assertThat(staffSignIn("typist", "copper kettle on the stove").status()).as("one typo after a lock does not lock again").isEqualTo(200);
    }

    @Test
    void an_admins_new_password_unlocks_a_locked_account() {
        createAccount("forgetful", "VIEWER", "walnut cabinet silver spoon");
        for (int i = 0; i < 10; i++) {
            staffSignIn("forgetful", "wrong guess number " + i);
        }
        assertThat(staffSignIn("forgetful", "walnut cabinet silver spoon").status()).isEqualTo(401);

        assertThat(api.put("/api/v1/accounts/forgetful", Map.of("password", "pebble meadow autumn brook")).status()).isEqualTo(200);

        assertThat(staffSignIn("forgetful", "pebble meadow autumn brook").status()).isEqualTo(200);
        assertThat(staffSignIn("forgetful", "walnut cabinet silver spoon").status()).isEqualTo(401);
    }

    // --- texted codes ---------------------------------------------------------------------------------------------

    @Test
    void five_wrong_codes_use_up_the_code() {
        String right = requestCode(OPERATOR);
        for (int i = 1; i <= 5; i++) {
            assertThat(codeSignIn(OPERATOR, wrong(right, i)).status()).isEqualTo(401);
        }

        assertThat(codeSignIn(OPERATOR, right).status()).isEqualTo(401);
    }

    @Test
    void four_wrong_codes_still_leave_the_right_one_working() {
        String right = requestCode(OPERATOR);
        for (int i = 1; i <= 4; i++) {
            assertThat(codeSignIn(OPERATOR, wrong(right, i)).status()).isEqualTo(401);
        }

        assertThat(codeSignIn(OPERATOR, right).status()).isEqualTo(200);
    }

    @Test
    void an_expired_code_is_refused() throws SQLException {
        String code = requestCode(FARMER);

        sql("UPDATE sign_in_code SET expires_at = now() WHERE phone = '" + FARMER + "' AND used_at IS NULL");

        assertThat(codeSignIn(FARMER, code).status()).isEqualTo(401);
    }

    @Test
    void a_used_code_cannot_sign_in_twice() {
        String code = requestCode(FARMER);

        Api.Reply first = codeSignIn(FARMER, code);
        Api.Reply second = codeSignIn(FARMER, code);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("roles")).extracting(JsonNode::asText).containsExactly(Roles.FARMER);
        assertThat(second.status()).isEqualTo(401);
    }

    @Test
    void a_new_code_ends_the_previous_one() {
        String previous = requestCode(OPERATOR);
        String current = requestCode(OPERATOR);

        if (!previous.equals(current)) {
            assertThat(codeSignIn(OPERATOR, previous).status()).isEqualTo(401);
        }
        assertThat(codeSignIn(OPERATOR, current).status()).isEqualTo(200);
    }

    @Test
    void a_number_outside_the_ledgers_gets_the_same_answer_no_text_and_no_sign_in() throws Exception {
        Api.Reply known = api.anonymous().post("/api/v1/auth/mobile/codes", Map.of("phone", OPERATOR));
        Api.Reply stranger = api.anonymous().post("/api/v1/auth/mobile/codes", Map.of("phone", STRANGER));

        assertThat(stranger.status()).isEqualTo(known.status()).isEqualTo(202);
        assertThat(stranger.json()).isEqualTo(known.json());
        assertThat(api.get("/api/v1/sms/messages?phone=" + URLEncoder.encode(STRANGER, StandardCharsets.UTF_8))
                .json().path("items")).isEmpty();
        assertThat(api.get("/api/v1/sms/messages?phone=" + URLEncoder.encode(OPERATOR, StandardCharsets.UTF_8))
                .json().path("items")).isNotEmpty();

        // The code is never texted, so plant one whose digits we know: even the right code opens nothing.
        String planted = "246810";
        sql("UPDATE sign_in_code SET code_hash = '\\x" + HexFormat.of().formatHex(secret.mac((STRANGER + ":" + planted).getBytes(StandardCharsets.UTF_8)))
                + "' WHERE phone = '" + STRANGER + "' AND used_at IS NULL AND expires_at > now()");
        Api.Reply refused = codeSignIn(STRANGER, planted);
        Api.Reply wrongCode = codeSignIn(OPERATOR, wrong(api.lastCode(OPERATOR), 1));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json()).as("the same refusal as a wrong code for a known number").isEqualTo(wrongCode.json());
    }

    @Test
    void codes_are_stored_as_keyed_hashes() throws Exception {
        String code = requestCode(OPERATOR);

        try (Connection connection = TestPostgres.server().connect()) {
            connection.createStatement().execute("SET search_path TO " + schema());
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT row_to_json(c)::text, code_hash FROM sign_in_code c WHERE phone = ? ORDER BY id DESC LIMIT 1")) {
                query.setString(1, OPERATOR);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    byte[] hash = row.getBytes(2);

                    assertThat(row.getString(1)).doesNotContain(code);
                    assertThat(hash).hasSize(32)
                            .isNotEqualTo(sha256(code))
                            .isNotEqualTo(sha256(OPERATOR + ":" + code))
                            .as("an HMAC under the server's secret").isEqualTo(secret.mac((OPERATOR + ":" + code).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static void assertUnauthorized(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.json().path("type").asText()).endsWith("/unauthorized");
    }

    private void createAccount(String username, String role, String password) {
        Api.Reply created = api.post("/api/v1/accounts", Map.of("username", username, "role", role, "password", password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private Api.Reply staffSignIn(String username, String password, String from) {
        return api.anonymous().post("/api/v1/auth/sign-in", Map.of("username", username, "password", password), "X-Forwarded-For", from);
    }

    private Api.Reply staffSignIn(String username, String password) {
        return api.anonymous().post("/api/v1/auth/sign-in", Map.of("username", username, "password", password));
    }

    private JsonNode signIn(String username, String password) {
        Api.Reply reply = staffSignIn(username, password);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private Api.Reply refresh(String refreshToken) {
        return api.anonymous().post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    private String requestCode(String phone) {
        assertThat(api.anonymous().post("/api/v1/auth/mobile/codes", Map.of("phone", phone)).status()).isEqualTo(202);
        return api.lastCode(phone);
    }

    private Api.Reply codeSignIn(String phone, String code) {
        return api.anonymous().post("/api/v1/auth/mobile/sign-in", Map.of("phone", phone, "code", code));
    }

    /** A six-digit code that is not {@code right}. */
    private static String wrong(String right, int offset) {
        return "%06d".formatted((Integer.parseInt(right) + offset) % 1_000_000);
    }

    private static JWTClaimsSet claims(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

}
