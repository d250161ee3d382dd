package harvest.security;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.sms.twilio.SmsWorker;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.FakeTwilio;
import harvest.testing.Ledgers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API10:2023, unsafe consumption of APIs: Twilio's webhooks are another API's input, taken only when signed
 * by Twilio over the exact public URL and form. Whatever fails the check is a 403 bad-signature and changes
 * nothing: no text recorded (so no STOP, no breakdown report), no delivery status moved.
 */
@MicronautTest(transactional = false)
class Api10UnsafeConsumptionTest extends DatabaseTest {
    private static final FakeTwilio TWILIO = new FakeTwilio();
    private static final String PUBLIC = "https://harvest.example.org";
    private static final String INBOUND = "/api/v1/sms/twilio/inbound";
    private static final String STATUS = "/api/v1/sms/twilio/status";
    /** Operators' phones: one for the forgeries, one for the real callback, so neither test depends on the other. */
    private static final String FORGED_FOR = "+8613883014629";
    private static final String SIGNED_FOR = "+8613883014630";

    @Inject
    Api api;
    @Inject
    SmsWorker worker;

    private long forgedFor;
    private long signedFor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.ofEntries(Map.entry("harvest.sms.worker-enabled", "false"),
                Map.entry("harvest.sms.rate-per-second", "100000"),
                Map.entry("harvest.sms.quiet-start", "00:00"), Map.entry("harvest.sms.quiet-end", "00:00"),
                Map.entry("harvest.sms.twilio.account-sid", FakeTwilio.ACCOUNT), Map.entry("harvest.sms.twilio.auth-token", FakeTwilio.TOKEN),
                Map.entry("harvest.sms.twilio.from", "+15005550006"), Map.entry("harvest.sms.twilio.api-base-url", TWILIO.baseUrl()),
                Map.entry("harvest.sms.twilio.webhook-base-url", PUBLIC));
    }

    /** A sign-in code texted, through the fake Twilio, to each of two operators: two texts with a provider id, SENT. */
    @BeforeAll
    void twoSentTexts() {
        Ledgers.createBaseRows(api);
        created(api.post("/api/v1/machines", Ledgers.with(Ledgers.Resource.MACHINES.body("M-ONE"), "operatorPhone", FORGED_FOR)));
        created(api.post("/api/v1/machines", Ledgers.with(Ledgers.with(Ledgers.Resource.MACHINES.body("M-TWO"),
                "operatorPhone", SIGNED_FOR), "plate", "豫K48514")));
        for (String phone : List.of(FORGED_FOR, SIGNED_FOR)) {
            assertThat(api.anonymous().post("/api/v1/auth/mobile/codes", Map.of("phone", phone)).status()).isEqualTo(202);
        }
        worker.drain();
        forgedFor = newest(FORGED_FOR).get("id").asLong();
        signedFor = newest(SIGNED_FOR).get("id").asLong();
        assertThat(text(forgedFor).get("status").asText()).isEqualTo("SENT");
        assertThat(text(signedFor).get("status").asText()).isEqualTo("SENT");
    }

    @AfterAll
    void stopTwilio() {
        TWILIO.close();
    }

    @Test
    void a_text_that_twilio_did_not_sign_for_this_url_and_form_is_refused_and_not_recorded() {
        long before = inboundTexts();
        Map<String, String> stop = inboundForm("SM-forged-1", FORGED_FOR, "STOP");
        Map<String, String> help = inboundForm("SM-forged-1", FORGED_FOR, "HELP");
        Map<String, String> padded = new LinkedHashMap<>(help);
        padded.put("Body", "坏了");

        List<Api.Reply> refused = new ArrayList<>();
        refused.add(post(INBOUND, stop, null));
        refused.add(post(INBOUND, stop, "bm90IGEgc2lnbmF0dXJl"));
        refused.add(post(INBOUND, stop, sign("another-accounts-token", PUBLIC + INBOUND, stop)));
        refused.add(post(INBOUND, stop, FakeTwilio.sign(PUBLIC + STATUS, stop)));
        refused.add(post(INBOUND, stop, FakeTwilio.sign("http://localhost" + INBOUND, stop)));
        refused.add(post(INBOUND, stop, FakeTwilio.sign(PUBLIC + INBOUND + "?retry=1", stop)));
        refused.add(post(INBOUND, stop, FakeTwilio.sign(PUBLIC + INBOUND, help)));
        refused.add(post(INBOUND, padded, FakeTwilio.sign(PUBLIC + INBOUND, help)));
        Map<String, String> extra = new LinkedHashMap<>(help);
        extra.put("NumMedia", "0");
        refused.add(post(INBOUND, extra, FakeTwilio.sign(PUBLIC + INBOUND, help)));

        refused.forEach(Api10UnsafeConsumptionTest::assertBadSignature);
        assertThat(inboundTexts()).as("texts recorded").isEqualTo(before);
    }

    @Test
    void a_status_callback_that_twilio_did_not_sign_for_this_url_and_form_is_refused_and_changes_nothing() {
        String sid = text(forgedFor).get("sid").asText();
        Map<String, String> failed = Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "30008");
        Map<String, String> delivered = Map.of("MessageSid", sid, "MessageStatus", "delivered");

        List<Api.Reply> refused = new ArrayList<>();
        refused.add(post(STATUS, failed, null));
        refused.add(post(STATUS, failed, "bm90IGEgc2lnbmF0dXJl"));
        refused.add(post(STATUS, failed, sign("another-accounts-token", PUBLIC + STATUS, failed)));
        refused.add(post(STATUS, failed, FakeTwilio.sign(PUBLIC + INBOUND, failed)));
        refused.add(post(STATUS, failed, FakeTwilio.sign("http://localhost" + STATUS, failed)));
        refused.add(post(STATUS, failed, FakeTwilio.sign(PUBLIC + STATUS, delivered)));

        refused.forEach(Api10UnsafeConsumptionTest::assertBadSignature);
        JsonNode text = text(forgedFor);
        assertThat(text.get("status").asText()).isEqualTo("SENT");
        assertThat(text.has("errorCode")).as(text.toString()).isFalse();
    }

    @Test
    void what_twilio_signed_is_taken() {
        long before = inboundTexts();
        Map<String, String> help = inboundForm("SM-signed-1", SIGNED_FOR, "HELP");
        String sid = text(signedFor).get("sid").asText();
        Map<String, String> delivered = Map.of("MessageSid", sid, "MessageStatus", "delivered");

        Api.Reply taken = post(INBOUND, help, FakeTwilio.sign(PUBLIC + INBOUND, help));
        Api.Reply recorded = post(STATUS, delivered, FakeTwilio.sign(PUBLIC + STATUS, delivered));

        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(inboundTexts()).isEqualTo(before + 1);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(204);
        assertThat(text(signedFor).get("status").asText()).isEqualTo("DELIVERED");
    }

    /** Signed is not the same as well-formed: Twilio's input is still checked like any client's. */
    @Test
    void a_signed_but_malformed_callback_is_a_client_error_and_changes_nothing() {
        long before = inboundTexts();
        String sid = text(forgedFor).get("sid").asText();
        Map<String, String> badErrorCode = Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "thirty");
        Map<String, String> noStatus = Map.of("MessageSid", sid);
        Map<String, String> unknownStatus = Map.of("MessageSid", sid, "MessageStatus", "exploded");
        Map<String, String> noSender = Map.of("MessageSid", "SM-no-sender", "AccountSid", FakeTwilio.ACCOUNT, "Body", "STOP");

        for (Api.Reply reply : List.of(post(STATUS, badErrorCode, FakeTwilio.sign(PUBLIC + STATUS, badErrorCode)),
                post(STATUS, noStatus, FakeTwilio.sign(PUBLIC + STATUS, noStatus)),
                post(INBOUND, noSender, FakeTwilio.sign(PUBLIC + INBOUND, noSender)))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        }
        // Twilio adds statuses now and then: one it does not know yet is taken as still on its way, not refused
        assertThat(post(STATUS, unknownStatus, FakeTwilio.sign(PUBLIC + STATUS, unknownStatus)).status()).isEqualTo(204);
        assertThat(text(forgedFor).get("status").asText()).isEqualTo("SENT");
        assertThat(inboundTexts()).isEqualTo(before);
    }

    private static Map<String, String> inboundForm(String sid, String from, String body) {
        return new LinkedHashMap<>(Map.of("MessageSid", sid, "AccountSid", FakeTwilio.ACCOUNT, "From", from, "To", "+15005550006",
                "Body", body));
    }

    private Api.Reply post(String path, Map<String, String> form, String signature) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return api.anonymous().send("POST", path, HttpRequest.BodyPublishers.ofString(body), "application/x-www-form-urlencoded",
                signature == null ? new String[0] : new String[] {"X-Twilio-Signature", signature});
    }

    private JsonNode newest(String phone) {
        return api.get("/api/v1/sms/messages?size=1&phone=" + enc(phone)).json().at("/items/0");
    }

    /** As the dispatcher sees it. */
    private JsonNode text(long id) {
        return api.get("/api/v1/sms/messages/" + id).json();
    }

    private long inboundTexts() {
        return api.get("/api/v1/sms/inbound?size=1").json().get("totalItems").asLong();
    }

    /** Twilio's scheme with a key that is not this account's. */
    private static String sign(String token, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertBadSignature(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith("/bad-signature");
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
