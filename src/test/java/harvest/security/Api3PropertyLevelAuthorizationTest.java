package harvest.security;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsMessage;
import harvest.sms.outbox.SmsOutbox;
import harvest.system.Roles;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Ledgers.Resource;
import harvest.testing.Ledgers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API3:2023, broken object property level authorization. Mass assignment: a body may carry only the
 * properties its route documents, so role, status, owner, version or bookkeeping properties smuggled into one are
 * refused by name and nothing is written. Exposure: answers never carry password hashes, lock state or sessions.
 */
@MicronautTest(transactional = false)
class Api3PropertyLevelAuthorizationTest extends DatabaseTest {
    private static final String OPERATOR_PHONE = "+8613883014629";
    /** The base farmer's, whose household owns F-1. */
    private static final String FARMER_PHONE = "+8615078657975";
    private static final String CONTACT_PHONE = "+8615135316815";

    @Inject
    Api api;
    @Inject
    SmsOutbox outbox;
    @Inject
    harvest.sms.outbox.OutboxLeases leases;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.sms.worker-enabled", "false");
    }

    private Api operator;
    private Api viewer;

    @BeforeAll
    void ledgersAndPeople() {
        Ledgers.createBaseRows(api);
        assertThat(api.post(Resource.MACHINES.path(), Resource.MACHINES.body("M-1")).status()).isEqualTo(201);
        assertThat(api.post(Resource.FIELDS.path(), Resource.FIELDS.body("F-1")).status()).isEqualTo(201);
        assertThat(api.post(Resource.DRYING_SITES.path(), Resource.DRYING_SITES.body("D-1")).status()).isEqualTo(201);
        operator = api.app(OPERATOR_PHONE);
        viewer = api.staff(Roles.VIEWER);
    }

    private static Map<String, Object> with(Map<String, Object> body, Object... extra) {
        Map<String, Object> copy = new HashMap<>(body);
        for (int i = 0; i < extra.length; i += 2) {
            copy.put((String) extra[i], extra[i + 1]);
        }
        return copy;
    }

    private static void refusedNaming(Api.Reply reply, String property) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.errorFields()).as(reply.toString()).contains(property);
    }

    @Test
    void an_account_cannot_be_created_enabled_locked_or_with_a_hash() {
        Map<String, Object> account = Map.of("username", "new-viewer", "role", "VIEWER", "password", "a long enough passphrase");
        refusedNaming(api.post("/api/v1/accounts", with(account, "passwordHash", "$argon2id$v=19$m=8,t=1,p=1$AAAA$AAAA")), "passwordHash");
        refusedNaming(api.post("/api/v1/accounts", with(account, "failedSignIns", 0)), "failedSignIns");
        refusedNaming(api.post("/api/v1/accounts", with(account, "createdAt", "2020-01-01T00:00:00Z")), "createdAt");
        assertThat(api.get("/api/v1/accounts/new-viewer").status()).as("nothing was created").isEqualTo(404);
    }

    @Test
    void nobody_signs_in_with_a_role_of_their_choosing() {
        refusedNaming(api.anonymous().post("/api/v1/auth/sign-in",
                Map.of("username", "viewer-user", "password", "correct horse battery staple VIEWER", "roles", new String[]{"ADMIN"})), "roles");
        refusedNaming(api.anonymous().post("/api/v1/auth/mobile/sign-in",
                Map.of("phone", OPERATOR_PHONE, "code", "123456", "role", "DISPATCHER")), "role");
        refusedNaming(viewer.post("/api/v1/me/password",
                Map.of("currentPassword", "correct horse battery staple VIEWER", "newPassword", "another long passphrase", "role", "ADMIN")), "role");
        assertThat(api.get("/api/v1/accounts/viewer-user").json().path("role").asText()).isEqualTo(Roles.VIEWER);
    }

    @Test
    void a_field_changes_status_and_owner_only_through_its_own_rules() {
        JsonNode field = api.get("/api/v1/fields/code/F-1").json();
        String path = "/api/v1/fields/" + field.path("id").asLong();
        Map<String, Object> update = with(Resource.FIELDS.body("F-1"), "version", field.path("version").asLong());
        refusedNaming(api.put(path, with(update, "status", "HARVESTED")), "status");
        refusedNaming(api.put(path, with(update, "id", 1)), "id");
        refusedNaming(api.put(path, with(update, "retiredAt", "2023-06-01T00:00:00+08:00")), "retiredAt");
        assertThat(api.get(path).json()).as("nothing changed").isEqualTo(field);
    }

    @Test
    void an_operator_reports_work_but_not_its_status_machine_or_plan() {
        String job = "/api/v1/plans/1/assignments/F-1/";
        refusedNaming(operator.post(job + "progress", Map.of("doneMu", 1, "status", "DONE")), "status");
        refusedNaming(operator.post(job + "progress", Map.of("doneMu", 1, "machineCode", "M-OTHER")), "machineCode");
        refusedNaming(operator.post(job + "finish", Map.of("actualMu", 1, "tonnes", 1, "planId", 2)), "planId");
        refusedNaming(operator.post(job + "status", Map.of("status", "CONFIRMED", "operatorPhone", "+8613800000000")), "operatorPhone");
    }

    @Test
    void a_farmer_or_site_contact_cannot_set_what_the_service_works_out() {
        Api farmer = api.app(FARMER_PHONE);
        Api contact = api.app(CONTACT_PHONE);
        refusedNaming(farmer.post("/api/v1/disruptions/not-ready", Map.of("fieldCode", "F-1", "ripeFrom", "2023-07-01T00:00:00+08:00")), "ripeFrom");
        refusedNaming(farmer.post("/api/v1/disruptions/not-ready", Map.of("fieldCode", "F-1", "farmerCode", "SOMEONE")), "farmerCode");
        refusedNaming(contact.post("/api/v1/drying-sites/D-1/intake", Map.of("fieldCode", "F-1", "tonnes", 1, "actor", "someone else")), "actor");
        refusedNaming(contact.post("/api/v1/drying-sites/D-1/outflow", Map.of("fieldCode", "F-1", "tonnes", 1, "day", "2023-06-01")), "day");
        assertThat(api.get("/api/v1/disruptions").json().path("totalItems").asLong()).as("nothing recorded").isZero();
    }

    @Test
    void staff_reading_the_texts_never_see_a_sign_in_code_while_the_worker_sends_it() {
        assertThat(api.anonymous().post("/api/v1/auth/mobile/codes", Map.of("phone", OPERATOR_PHONE)).status()).isEqualTo(202);
        String code = api.lastCode(OPERATOR_PHONE);

        JsonNode texts = viewer.get("/api/v1/sms/messages?phone=%2B8613883014629").json().path("items");
        assertThat(texts.toString()).contains("登录验证码 ******").doesNotContain(code);
        assertThat(viewer.get("/api/v1/sms/messages/" + texts.get(0).path("id").asLong()).text()).doesNotContain(code);

        List<SmsMessage> claimed = leases.claim(100, Duration.ofMinutes(1));
        assertThat(claimed).filteredOn(text -> text.kind() == SmsKind.SIGN_IN_CODE)
                .singleElement().satisfies(text -> assertThat(text.body()).contains("登录验证码 " + code));
    }

    @Test
    void answers_never_expose_hashes_lock_state_or_sessions() {
        for (JsonNode account : api.get("/api/v1/accounts").json()) {
            for (Iterator<String> names = account.fieldNames(); names.hasNext(); ) {
                assertThat(names.next()).isIn("username", "displayName", "role", "enabled", "createdAt", "passwordChangedAt", "version");
            }
        }
        assertThat(api.get("/api/v1/accounts").text()).doesNotContain("$argon2id");
        JsonNode me = operator.get("/api/v1/me").json();
        assertThat(me.path("holdings").path("machines").toString()).isEqualTo("[\"M-1\"]");
        assertThat(me.toString()).doesNotContain("sid").doesNotContain("refresh");
    }
}
