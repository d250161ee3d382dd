package harvest.security;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import harvest.testing.Ledgers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API4:2023, unrestricted resource consumption: texted codes, sign-in tries, page sizes, body sizes and
 * broadcast texts are all capped, and a capped request writes nothing. (The per-recipient daily cap on texts is
 * the worker's: SmsWorkerTest.beyond_the_daily_cap_a_recipients_texts_wait_for_tomorrow.)
 * <p>
 * The per-client limits are keyed by X-Forwarded-For here, so each test floods from an address of its own while
 * the test's own sign-ins come from the loopback address.
 */
@MicronautTest(transactional = false)
class Api4ResourceConsumptionTest extends DatabaseTest {
    private static final String KNOWN = "+8613883014629";
    private static final String UNKNOWN = "+8613900007777";
    private static final int CODES_PER_CLIENT = 5;
    private static final int SIGN_INS_PER_CLIENT = 5;
    private static final int ACCOUNT_DAILY_BROADCASTS = 4;
    private static final int MAX_BODY = 16 * 1024;

    @Inject
    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "micronaut.server.client-address-header", "X-Forwarded-For",
                "harvest.security.codes-per-client-per-hour", String.valueOf(CODES_PER_CLIENT),
                "harvest.security.sign-ins-per-client-per-minute", String.valueOf(SIGN_INS_PER_CLIENT),
                "harvest.sms.account-daily-broadcasts", String.valueOf(ACCOUNT_DAILY_BROADCASTS),
                "harvest.sms.worker-enabled", "false",
                "micronaut.server.max-request-size", "16KB",
                "micronaut.server.multipart.max-file-size", "16KB");
    }

    /** Three combines (one the base operator's, so {@link #KNOWN} is in the ledgers) and one team leader. */
    @BeforeAll
    void ledgers() {
        Ledgers.createBaseRows(api);
        created(api.post("/api/v1/machines", Ledgers.Resource.MACHINES.body("M-BASE")));
        created(api.post("/api/v1/machines", Ledgers.with(Ledgers.with(Ledgers.Resource.MACHINES.body("M-TWO"),
                "operatorPhone", "+8613883014630"), "plate", "豫K48514")));
        created(api.post("/api/v1/machines", Ledgers.with(Ledgers.with(Ledgers.Resource.MACHINES.body("M-THREE"),
                "operatorPhone", "+8613883014631"), "plate", "豫K48515")));
        created(api.post("/api/v1/teams", Ledgers.Resource.TEAMS.body("T-ONE")));
    }

    @Test
    void the_fourth_code_for_a_number_within_the_hour_is_refused_alike_for_known_and_unknown_numbers() {
        List<Api.Reply> known = codes(KNOWN, "198.51.100.1", 4);
        List<Api.Reply> unknown = codes(UNKNOWN, "198.51.100.2", 4);

        assertThat(known).extracting(Api.Reply::status).containsExactly(202, 202, 202, 429);
        assertRateLimited(known.get(3));
        for (int i = 0; i < known.size(); i++) {
            assertThat(unknown.get(i).status()).as("reply %d", i).isEqualTo(known.get(i).status());
            assertThat(unknown.get(i).json()).as("reply %d", i).isEqualTo(known.get(i).json());
            assertThat(unknown.get(i).header("Retry-After")).as("reply %d", i).isEqualTo(known.get(i).header("Retry-After"));
        }
        // the difference the caller cannot see: only the known number was texted, three times
        assertThat(texts(KNOWN, "SIGN_IN_CODE")).isEqualTo(3);
        assertThat(texts(UNKNOWN, "SIGN_IN_CODE")).isZero();
    }

    @Test
    void codes_asked_for_one_number_all_at_once_still_stop_at_the_limit() throws Exception {
        String number = "+8613883014630";
        List<java.util.concurrent.Callable<Integer>> requests = IntStream.range(0, 12)
                .mapToObj(i -> (java.util.concurrent.Callable<Integer>) () -> code(number, "198.51.100." + (20 + i)).status()).toList();
        List<Integer> statuses = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(12)) {
            for (var status : pool.invokeAll(requests)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses.stream().filter(status -> status == 202).count()).isEqualTo(3);
        assertThat(statuses.stream().filter(status -> status == 429).count()).isEqualTo(9);
        assertThat(texts(number, "SIGN_IN_CODE")).isEqualTo(3);
    }

    @Test
    void one_address_asking_codes_for_many_numbers_is_stopped_after_its_limit() {
        List<Api.Reply> replies = new ArrayList<>();
        for (int i = 0; i <= CODES_PER_CLIENT; i++) {
            replies.add(code("+86139000010%02d".formatted(i), "198.51.100.3"));
        }

        assertThat(replies.subList(0, CODES_PER_CLIENT)).extracting(Api.Reply::status).containsOnly(202);
        assertRateLimited(replies.get(CODES_PER_CLIENT));
        assertThat(code("+8613900001099", "198.51.100.4").status()).as("another address").isEqualTo(202);
    }

    @Test
    void one_address_trying_sign_ins_is_stopped_after_its_limit_even_with_the_right_password() {
        String address = "198.51.100.5";
        for (int i = 0; i < SIGN_INS_PER_CLIENT; i++) {
            Api.Reply wrong = api.anonymous().post("/api/v1/auth/sign-in", Map.of("username", "nobody", "password", "guess " + i),
                    "X-Forwarded-For", address);
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        }

        Api.Reply right = api.anonymous().post("/api/v1/auth/sign-in",
                Map.of("username", "test-admin", "password", "test admin passphrase"), "X-Forwarded-For", address);
        Api.Reply byCode = api.anonymous().post("/api/v1/auth/mobile/sign-in", Map.of("phone", KNOWN, "code", "000000"),
                "X-Forwarded-For", address);
        Api.Reply elsewhere = api.anonymous().post("/api/v1/auth/sign-in",
                Map.of("username", "test-admin", "password", "test admin passphrase"), "X-Forwarded-For", "198.51.100.6");

        assertRateLimited(right);
        assertRateLimited(byCode);
        assertThat(elsewhere.status()).as("another address").isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/fields, 500", "/api/v1/farmers, 500", "/api/v1/machines, 500", "/api/v1/communities, 500",
            "/api/v1/teams, 500", "/api/v1/aid-stations, 500", "/api/v1/drying-sites, 500",
            "/api/v1/plans, 200", "/api/v1/disruptions, 200",
            "/api/v1/audit, 500", "/api/v1/sms/messages, 500", "/api/v1/sms/inbound, 500",
            "/api/v1/weather/forecasts, 500", "/api/v1/weather/window-changes, 500"})
    void a_page_is_never_larger_than_the_routes_cap(String path, int max) {
        Api.Reply tooLarge = api.get(path + "?size=" + (max + 1));

        assertProblem(tooLarge, 422, "/validation");
        assertThat(tooLarge.errorFields()).as(tooLarge.toString()).containsExactly("size");
        Api.Reply largest = api.get(path + "?size=" + max);
        assertThat(largest.status()).as(largest.toString()).isEqualTo(200);
        assertThat(largest.json().get("size").asInt()).isEqualTo(max);
    }

    @Test
    void a_json_body_above_the_limit_is_413_and_nothing_is_written() {
        // valid JSON padded with whitespace: without the limit it would be taken
        String body = "{\"code\": \"BIG-1\", \"name\": \"大社区\", \"street\": \"灞陵街道\", \"lat\": 34.05, \"lon\": 113.86"
                + " ".repeat(MAX_BODY) + "}";

        assertProblem(api.post("/api/v1/communities", body), 413, "/payload-too-large");
        assertThat(api.get("/api/v1/communities/code/BIG-1").status()).isEqualTo(404);
    }

    @Test
    void a_sign_in_body_over_a_few_kilobytes_is_refused_before_it_is_read() {
        String operator = "+8613883014631";
        Api.Reply refused = api.anonymous().post("/api/v1/auth/mobile/codes", "{\"phone\": \"" + operator + "\"" + " ".repeat(5000) + "}");
        assertProblem(refused, 413, "payload-too-large");
        assertThat(texts(operator, "SIGN_IN_CODE")).as("no code was made").isZero();
    }

    @Test
    void a_ledger_upload_above_the_limit_is_413_and_nothing_is_written() {
        long before = communities();
        String[] lines = IntStream.rangeClosed(1, 600).mapToObj(i -> "BIG-C%03d,新社区%d,魏北街道,34.05,113.82".formatted(i, i))
                .toArray(String[]::new);
        byte[] csv = Files.csv(prepend("code,name,street,lat,lon", lines));
        assertThat(csv.length).isGreaterThan(MAX_BODY);

        assertProblem(api.upload("/api/v1/ledgers/communities/import", Files.CSV, csv), 413, "/payload-too-large");
        assertProblem(multipart("/api/v1/ledgers/bundle/parts", "communities", "communities.csv", csv), 413, "/payload-too-large");
        assertThat(communities()).isEqualTo(before);
    }

    @Test
    void a_broadcast_beyond_the_accounts_daily_cap_is_429_and_queues_nothing_while_another_account_still_can() {
        Api first = api.staff("DISPATCHER");
        Api second = dispatcher("dispatcher-two");
        String operators = "{\"audience\": \"OPERATORS\", \"body\": \"明天有雨，请抓紧收割\"}";
        String leaders = "{\"audience\": \"TEAM_LEADERS\", \"body\": \"明天有雨，请组织人手\"}";

        assertThat(first.post("/api/v1/sms/broadcasts", operators).json().get("queued").asInt()).isEqualTo(3);
        int queued = broadcasts();
        Api.Reply refused = first.post("/api/v1/sms/broadcasts", operators);

        assertProblem(refused, 429, "/sms-quota");
        assertThat(refused.header("Retry-After")).as("until the district's midnight").matches("[1-9][0-9]*");
        assertThat(broadcasts()).as("nothing queued by the refused broadcast").isEqualTo(queued);
        assertThat(first.post("/api/v1/sms/broadcasts", leaders).status()).as("what is left of the cap").isEqualTo(202);
        Api.Reply other = second.post("/api/v1/sms/broadcasts", operators);
        assertThat(other.status()).as(other.toString()).isEqualTo(202);
        assertThat(broadcasts()).isEqualTo(queued + 1 + 3);
    }

    private List<Api.Reply> codes(String phone, String address, int times) {
        return IntStream.range(0, times).mapToObj(i -> code(phone, address)).toList();
    }

    private Api.Reply code(String phone, String address) {
        return api.anonymous().post("/api/v1/auth/mobile/codes", Map.of("phone", phone), "X-Forwarded-For", address);
    }

    private int texts(String phone, String kind) {
        JsonNode items = api.get("/api/v1/sms/messages?size=500&phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)).json().get("items");
        int count = 0;
        for (JsonNode item : items) {
            count += item.get("kind").asText().equals(kind) ? 1 : 0;
        }
        return count;
    }

    private int broadcasts() {
        int count = 0;
        for (JsonNode item : api.get("/api/v1/sms/messages?size=500").json().get("items")) {
            count += item.get("kind").asText().equals("BROADCAST") ? 1 : 0;
        }
        return count;
    }

    private long communities() {
        return api.get("/api/v1/communities?size=1").json().get("totalItems").asLong();
    }

    private Api dispatcher(String username) {
        String password = "another dispatcher's passphrase";
        created(api.post("/api/v1/accounts", Map.of("username", username, "role", "DISPATCHER", "password", password)));
        Api.Reply signedIn = api.anonymous().post("/api/v1/auth/sign-in", Map.of("username", username, "password", password));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        return api.withToken(signedIn.json().get("accessToken").asText());
    }

    private Api.Reply multipart(String path, String part, String filename, byte[] content) {
        String boundary = "----harvest-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return api.send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), "multipart/form-data; boundary=" + boundary);
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static void assertRateLimited(Api.Reply reply) {
        assertProblem(reply, 429, "/rate-limited");
        assertThat(reply.header("Retry-After")).as(reply.toString()).matches("[1-9][0-9]*");
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith(type);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    }
}
