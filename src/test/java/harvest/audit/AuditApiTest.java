package harvest.audit;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import harvest.testing.Ledgers;
import harvest.testing.Ledgers.Resource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes to fields and machines through the API leave who, when, what, before and after in the audit log. */
@MicronautTest
class AuditApiTest extends DatabaseTest {
    private static final String FIELDS_HEADER = "code,farmer_code,community_code,name,crop,area_mu,lat,lon,ripe_from,expected_yield_kg_per_mu";

    @Inject
    Api api;

    @BeforeAll
    void baseRows() {
        Ledgers.createBaseRows(api);
    }

    @Test
    void editing_a_field_records_the_caller_and_the_field_before_and_after() {
        String location = create(Resource.FIELDS, "A-EDIT");

        Api.Reply edited = api.put(location, Ledgers.with(Resource.FIELDS.body("A-EDIT"), "areaMu", 9.5), "If-Match", "\"0\"");

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        List<JsonNode> events = events("entity=FIELD&key=A-EDIT");
        assertThat(events).extracting(e -> e.get("action").asText()).containsExactly("updated", "created");
        JsonNode update = events.getFirst();
        assertThat(update.get("actor").asText()).isEqualTo("test-admin");
        assertThat(update.get("at").asText()).endsWith("+08:00");
        assertThat(update.get("before").get("areaMu").decimalValue()).isEqualByComparingTo("4.1");
        assertThat(update.get("before").get("version").asLong()).isZero();
        assertThat(update.get("after").get("areaMu").decimalValue()).isEqualByComparingTo("9.5");
        assertThat(update.get("after").get("version").asLong()).isEqualTo(1);
        assertThat(events.getLast().has("before")).isFalse();
        assertThat(events.getLast().get("after").get("code").asText()).isEqualTo("A-EDIT");
    }

    @Test
    void an_update_that_fails_or_changes_nothing_records_nothing() {
        String location = create(Resource.FIELDS, "A-FAIL");

        Api.Reply stale = api.put(location, Ledgers.with(Resource.FIELDS.body("A-FAIL"), "areaMu", 9.5), "If-Match", "\"7\"");
        Api.Reply invalid = api.put(location, Ledgers.with(Resource.FIELDS.body("A-FAIL"), "communityCode", "NOWHERE"), "If-Match", "\"0\"");
        Api.Reply identical = api.put(location, Resource.FIELDS.body("A-FAIL"), "If-Match", "\"0\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(identical.status()).isEqualTo(200);
        assertThat(events("entity=FIELD&key=A-FAIL")).extracting(e -> e.get("action").asText()).containsExactly("created");
    }

    @Test
    void a_status_change_and_retirement_are_recorded() {
        String location = create(Resource.FIELDS, "A-LIFE");

        api.post(location + "/status", Map.of("status", "SCHEDULED", "version", 0));
        api.delete(location);
        api.delete(location);

        List<JsonNode> events = events("entity=FIELD&key=A-LIFE");
        assertThat(events).extracting(e -> e.get("action").asText()).containsExactly("retired", "status changed", "created");
        JsonNode status = events.get(1);
        assertThat(status.get("before").get("status").asText()).isEqualTo("REGISTERED");
        assertThat(status.get("after").get("status").asText()).isEqualTo("SCHEDULED");
        JsonNode retired = events.getFirst();
        assertThat(retired.get("before").has("retiredAt")).isFalse();
        assertThat(retired.get("after").get("retiredAt").asText()).isNotBlank();
    }

    @Test
    void a_breakdown_and_its_repair_are_recorded_on_the_machine() {
        String location = create(Resource.MACHINES, "A-M1");

        api.post(location + "/breakdown", Map.of());
        api.post(location + "/breakdown", Map.of());
        api.delete(location + "/breakdown");

        List<JsonNode> events = events("entity=MACHINE&key=A-M1");
        assertThat(events).extracting(e -> e.get("action").asText()).containsExactly("repaired", "breakdown reported", "created");
        assertThat(events.get(1).get("after").get("machineCode").asText()).isEqualTo("A-M1");
        assertThat(events.getFirst().get("before").has("repairedAt")).isFalse();
        assertThat(events.getFirst().get("after").get("repairedAt").asText()).isNotBlank();
    }

    @Test
    void an_import_records_each_created_and_changed_row_and_a_rejected_one_nothing() {
        String row1 = "A-IMP1,BASE-F,BASE-C,一号地,WHEAT,4.1,34.08,113.84,2023-05-29T12:00:00+08:00,546";
        String row2 = "A-IMP2,BASE-F,BASE-C,二号地,WHEAT,5.0,34.08,113.84,2023-05-29T12:00:00+08:00,546";
        api.upload("/api/v1/ledgers/fields/import", Files.CSV, Files.csv(FIELDS_HEADER, row1, row2));

        Api.Reply again = api.upload("/api/v1/ledgers/fields/import", Files.CSV,
                Files.csv(FIELDS_HEADER, row1, row2.replace(",5.0,", ",6.0,")));
        Api.Reply rejected = api.upload("/api/v1/ledgers/fields/import", Files.CSV,
                Files.csv(FIELDS_HEADER, row1.replace(",4.1,", ",8.0,"), "A-IMP3,BASE-F,NOWHERE,三号地,WHEAT,5.0,34.08,113.84,2023-05-29T12:00:00+08:00,546"));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(events("entity=FIELD&key=A-IMP1")).extracting(e -> e.get("action").asText()).containsExactly("imported");
        List<JsonNode> second = events("entity=FIELD&key=A-IMP2");
        assertThat(second).extracting(e -> e.get("action").asText()).containsExactly("imported", "imported");
        assertThat(second.getFirst().get("before").get("areaMu").decimalValue()).isEqualByComparingTo("5.0");
        assertThat(second.getFirst().get("after").get("areaMu").decimalValue()).isEqualByComparingTo("6.0");
        assertThat(events("entity=FIELD&key=A-IMP3")).isEmpty();
    }

    @Test
    void events_are_filtered_by_actor_and_time_and_paged_newest_first() {
        create(Resource.MACHINES, "A-P1");
        create(Resource.MACHINES, "A-P2");
        create(Resource.MACHINES, "A-P3");
        List<JsonNode> all = events("entity=MACHINE&actor=" + encode("test-admin"));
        JsonNode p2 = all.stream().filter(e -> e.get("key").asText().equals("A-P2")).findFirst().orElseThrow();
        String at = encode(p2.get("at").asText());

        JsonNode page = api.get("/api/v1/audit?entity=MACHINE&size=2&page=1").json();
        List<String> since = keys("/api/v1/audit?entity=MACHINE&from=" + at);
        List<String> before = keys("/api/v1/audit?entity=MACHINE&to=" + at);

        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(all.get(2).get("id").asLong());
        assertThat(page.get("totalItems").asLong()).isEqualTo(all.size());
        assertThat(page.get("totalPages").asInt()).isEqualTo((all.size() + 1) / 2);
        assertThat(since).startsWith("A-P3", "A-P2").doesNotContain("A-P1");
        assertThat(before).contains("A-P1").doesNotContain("A-P2", "A-P3");
        assertThat(events("actor=" + encode("operator M001 by SMS"))).isEmpty();
    }

    @Test
    void bad_filters_are_problems() {
        assertProblem(api.get("/api/v1/audit?entity=TRACTOR"), 400);
        assertProblem(api.get("/api/v1/audit?from=yesterday"), 400);
        assertProblem(api.get("/api/v1/audit?size=0"), 422);
        assertProblem(api.get("/api/v1/audit?size=501"), 422);
        assertProblem(api.get("/api/v1/audit?key=A-EDIT"), 422);
        assertProblem(api.get("/api/v1/audit?from=" + encode("2023-06-02T08:00:00+08:00") + "&to=" + encode("2023-06-01T08:00:00+08:00")), 422);
    }

    private String create(Resource resource, String code) {
        Api.Reply created = api.post(resource.path(), resource.body(code));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.header("Location");
    }

    private List<JsonNode> events(String query) {
        Api.Reply reply = api.get("/api/v1/audit?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        reply.json().get("items").forEach(events::add);
        return events;
    }

    private List<String> keys(String path) {
        List<String> keys = new ArrayList<>();
        api.get(path).json().get("items").forEach(e -> keys.add(e.get("key").asText()));
        return keys;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }
}
