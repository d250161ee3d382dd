package harvest.drying;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Ledgers;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Grain in and out of drying sites on 1 June 2023 at 10:00 in the district, with a dry community, one where it
 * rains from 08:00 to 12:00, and one with a shower from 14:00 to 16:00.
 */
@MicronautTest
class DryingSitesTest extends DatabaseTest {
    private static final String SITE_CONTACT = "+8615135316815";
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2023-06-01T10:00:00+08:00");
    private static final String DRY = Ledgers.BASE_COMMUNITY;
    private static final String RAINING = "WET-C";
    private static final String SHOWER_LATER = "SHOWER-C";
    private static final int RATE_LIMIT = 20;

    @Inject
    Api api;

    private int sites;
    private int fields;
    private int clients;

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.fixed(NOW.toInstant(), NOW.getOffset());
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.drying.public-cache-ttl", "1s",
                "harvest.drying.public-rate-limit", String.valueOf(RATE_LIMIT),
                "micronaut.server.client-address-header", "X-Forwarded-For");
    }

    @BeforeAll
    void communitiesAndTheirForecast() {
        Ledgers.createBaseRows(api);
        for (String community : List.of(RAINING, SHOWER_LATER)) {
            assertThat(api.post("/api/v1/communities", Ledgers.Resource.COMMUNITIES.body(community)).status()).isEqualTo(201);
        }
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("communityCode", DRY, "hourly", hours(-1, -1)));
        series.add(Map.of("communityCode", RAINING, "hourly", hours(8, 12)));
        series.add(Map.of("communityCode", SHOWER_LATER, "hourly", hours(14, 16)));
        Api.Reply stored = api.post("/api/v1/weather/forecasts",
                Map.of("source", "test", "issuedAt", "2023-05-31T18:00:00+08:00", "series", series));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    }

    @Test
    void the_first_intake_makes_a_field_drying_and_sending_all_its_grain_on_stores_it_and_sowing_names_the_next_crop() {
        String dryer = site("DRYER", DRY, 30);
        String yard = site("YARD", DRY, 20);
        String field = harvestedField();

        Api.Reply first = api.post(intake(dryer), movement(field, 3));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().at("/movement/kind").asText()).isEqualTo("INTAKE");
        assertThat(first.json().at("/movement/day").asText()).isEqualTo("2023-06-01");
        assertThat(first.json().at("/movement/actor").asText()).isEqualTo("test-admin");
        assertThat(first.json().at("/site/intakeTodayTonnes").decimalValue()).isEqualByComparingTo("3");
        assertThat(first.json().at("/site/roomLeftTodayTonnes").decimalValue()).isEqualByComparingTo("27");
        assertThat(status(field)).isEqualTo("DRYING");

        Api.Reply second = api.app(SITE_CONTACT).post(intake(yard), movement(field, 2));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().at("/movement/actor").asText()).as("the site's contact, from the app").isEqualTo("app " + SITE_CONTACT);
        assertThat(api.post(outflow(dryer), movement(field, 3)).status()).isEqualTo(201);
        assertThat(status(field)).as("2 t are still in the yard").isEqualTo("DRYING");
        Api.Reply last = api.post(outflow(yard), movement(field, 2));
        assertThat(last.status()).isEqualTo(201);
        assertThat(last.json().at("/site/currentTonnes").decimalValue()).isEqualByComparingTo("0");
        assertThat(status(field)).isEqualTo("STORED");

        Api.Reply withoutCrop = api.post(fieldPath(field) + "/status", Map.of("status", "SOWN", "version", version(field)));
        assertThat(withoutCrop.status()).isEqualTo(422);
        assertThat(withoutCrop.errorFields()).containsExactly("nextCrop");
        Api.Reply sown = api.post(fieldPath(field) + "/status", Map.of("status", "SOWN", "nextCrop", "CORN", "version", version(field)));
        assertThat(sown.status()).as(sown.toString()).isEqualTo(200);
        assertThat(sown.json().get("nextCrop").asText()).isEqualTo("CORN");
        assertThat(api.get(fieldPath(field)).json().get("nextCrop").asText()).isEqualTo("CORN");
    }

    @Test
    void an_open_yard_in_the_rain_is_closed_and_refuses_grain_writing_nothing() {
        String yard = site("YARD", RAINING, 20);
        String field = harvestedField();

        Api.Reply refused = api.post(intake(yard), movement(field, 1));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/drying-site-closed");
        assertThat(siteStatus(yard).get("state").asText()).isEqualTo("CLOSED_BY_RAIN");
        assertNothingWritten(yard, field);
    }

    @Test
    void a_yard_takes_the_share_of_its_daytime_hours_that_are_dry_and_a_dryer_works_in_the_rain() {
        String yard = site("YARD", SHOWER_LATER, 20);
        String dryer = site("DRYER", RAINING, 40);

        JsonNode yardNow = siteStatus(yard);
        JsonNode dryerNow = siteStatus(dryer);

        assertThat(yardNow.get("state").asText()).isEqualTo("OPEN");
        assertThat(yardNow.get("capacityTodayTonnes").decimalValue()).as("2 of 10 hours wet").isEqualByComparingTo("16");
        assertThat(dryerNow.get("state").asText()).isEqualTo("OPEN");
        assertThat(dryerNow.get("capacityTodayTonnes").decimalValue()).isEqualByComparingTo("40");
        assertThat(dryerNow.get("contactPhone").asText()).startsWith("+86");
    }

    @Test
    void a_site_with_too_little_room_left_says_how_much_and_writes_nothing() {
        String dryer = site("DRYER", DRY, 5);
        String first = harvestedField();
        String second = harvestedField();
        assertThat(api.post(intake(dryer), movement(first, 4)).status()).isEqualTo(201);

        Api.Reply refused = api.post(intake(dryer), movement(second, 2));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/drying-site-full");
        assertThat(refused.json().get("detail").asText()).contains("1.00 t of room left today");
        assertNothingWritten(dryer, second);
        Api.Reply filled = api.post(intake(dryer), movement(second, 1));
        assertThat(filled.json().at("/site/state").asText()).isEqualTo("FULL");
        assertThat(filled.json().at("/site/roomLeftTodayTonnes").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void more_outflow_than_the_site_holds_of_the_field_is_refused_and_writes_nothing() {
        String dryer = site("DRYER", DRY, 30);
        String field = harvestedField();
        api.post(intake(dryer), movement(field, 3));

        Api.Reply refused = api.post(outflow(dryer), movement(field, 3.5));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/not-at-site");
        assertThat(refused.json().get("detail").asText()).contains("holds 3.00 t");
        assertThat(status(field)).isEqualTo("DRYING");
        assertThat(api.get("/api/v1/drying-sites/" + dryer + "/movements?day=2023-06-01").json()).hasSize(1);
    }

    @Test
    void only_a_harvested_fields_grain_is_taken_in_and_the_body_is_checked() {
        String dryer = site("DRYER", DRY, 30);
        String standing = newField();

        Api.Reply notHarvested = api.post(intake(dryer), movement(standing, 1));
        Api.Reply unknownField = api.post(intake(dryer), movement("NO-SUCH", 1));
        Api.Reply noTonnes = api.post(intake(dryer), movement(standing, 0));
        Api.Reply unknownSite = api.post(intake("NO-SUCH"), movement(standing, 1));

        assertThat(notHarvested.status()).isEqualTo(409);
        assertThat(notHarvested.json().get("type").asText()).endsWith("/illegal-transition");
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.errorFields()).containsExactly("fieldCode");
        assertThat(noTonnes.status()).isEqualTo(422);
        assertThat(noTonnes.errorFields()).containsExactly("tonnes");
        assertThat(unknownSite.status()).isEqualTo(404);
        assertThat(status(standing)).isEqualTo("REGISTERED");
        assertThat(api.get("/api/v1/drying-sites/" + dryer + "/movements").json()).isEmpty();
    }

    @Test
    void a_retired_site_takes_nothing_in() {
        String dryer = site("DRYER", DRY, 30);
        String field = harvestedField();
        api.delete("/api/v1/drying-sites/" + api.get("/api/v1/drying-sites/code/" + dryer).json().get("id").asLong());

        Api.Reply refused = api.post(intake(dryer), movement(field, 1));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/retired");
        assertNothingWritten(dryer, field);
    }

    @Test
    void the_public_board_shows_an_intake_once_its_cache_expires_and_never_a_phone_number() {
        String client = client();
        String dryer = site("DRYER", DRY, 30);
        String field = harvestedField();
        Api.Reply before = api.get("/api/v1/public/drying-sites", "X-Forwarded-For", client);
        assertThat(before.header("Cache-Control")).isEqualTo("public, max-age=1");
        assertThat(before.text()).doesNotContain("+86").doesNotContain("contact");

        api.post(intake(dryer), movement(field, 2.5));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(400)).untilAsserted(() -> {
            Api.Reply board = api.get("/api/v1/public/drying-sites", "X-Forwarded-For", client);
            assertThat(board.status()).isEqualTo(200);
            assertThat(publicSite(board, dryer).get("currentTonnes").decimalValue()).isEqualByComparingTo("2.5");
        });
    }

    @Test
    void a_burst_beyond_the_limit_gets_429_with_retry_after_and_other_clients_are_unaffected() {
        String client = client();
        for (int i = 0; i < RATE_LIMIT; i++) {
            assertThat(api.get("/api/v1/public/drying-sites", "X-Forwarded-For", client).status()).isEqualTo(200);
        }

        Api.Reply refused = api.get("/api/v1/public/drying-sites", "X-Forwarded-For", client);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("/rate-limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(api.get("/api/v1/public/drying-sites", "X-Forwarded-For", client()).status()).isEqualTo(200);
    }

    private void assertNothingWritten(String site, String field) {
        JsonNode movements = api.get("/api/v1/drying-sites/" + site + "/movements?day=2023-06-01").json();
        assertThat(movements.findValuesAsText("fieldCode")).doesNotContain(field);
        assertThat(status(field)).isEqualTo("HARVESTED");
    }

    /** Dry hours from 31 May to 2 June, with 2 mm an hour on 1 June from {@code wetFrom} until {@code wetUntil}. */
    private static List<Map<String, Object>> hours(int wetFrom, int wetUntil) {
        List<Map<String, Object>> hours = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.parse("2023-05-31T00:00:00+08:00");
        for (int h = 0; h < 72; h++) {
            OffsetDateTime time = start.plusHours(h);
            boolean wet = time.getDayOfMonth() == 1 && time.getHour() >= wetFrom && time.getHour() < wetUntil;
            hours.add(Map.of("time", time.toString(), "precipitationMm", wet ? 2.0 : 0.0, "probabilityPct", wet ? 90 : 10));
        }
        return hours;
    }

    private String site(String kind, String community, double capacity) {
        String code = "DS-" + ++sites;
        Map<String, Object> body = new LinkedHashMap<>(Ledgers.Resource.DRYING_SITES.body(code));
        body.put("kind", kind);
        body.put("communityCode", community);
        body.put("capacityTonnesPerDay", capacity);
        body.put("rainUsable", !kind.equals("YARD"));
        Api.Reply created = api.post("/api/v1/drying-sites", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    private String newField() {
        String code = "DF-" + ++fields;
        assertThat(api.post("/api/v1/fields", Ledgers.Resource.FIELDS.body(code)).status()).isEqualTo(201);
        return code;
    }

    private String harvestedField() {
        String code = newField();
        for (String next : List.of("SCHEDULED", "HARVESTING", "HARVESTED")) {
            assertThat(api.post(fieldPath(code) + "/status", Map.of("status", next, "version", version(code))).status()).isEqualTo(200);
        }
        return code;
    }

    private String fieldPath(String code) {
        return "/api/v1/fields/" + api.get("/api/v1/fields/code/" + code).json().get("id").asLong();
    }

    private String status(String field) {
        return api.get("/api/v1/fields/code/" + field).json().get("status").asText();
    }

    private long version(String field) {
        return api.get("/api/v1/fields/code/" + field).json().get("version").asLong();
    }

    private String client() {
        return "203.0.113." + ++clients;
    }

    private JsonNode siteStatus(String code) {
        return find(api.get("/api/v1/drying-sites/status").json(), code);
    }

    private static JsonNode publicSite(Api.Reply board, String code) {
        return find(board.json().get("sites"), code);
    }

    private static JsonNode find(JsonNode sites, String code) {
        return StreamSupport.stream(sites.spliterator(), false).filter(site -> site.get("code").asText().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError(code + " is not in " + sites));
    }

    private static String intake(String site) {
        return "/api/v1/drying-sites/" + site + "/intake";
    }

    private static String outflow(String site) {
        return "/api/v1/drying-sites/" + site + "/outflow";
    }

    private static Map<String, Object> movement(String field, double tonnes) {
        return Map.of("fieldCode", field, "tonnes", tonnes);
    }
}
