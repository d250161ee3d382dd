package harvest.field;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Ledgers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class FieldLifecycleTest extends DatabaseTest {
    @Inject
    Api api;

    private int fields;

    @BeforeAll
    void baseRows() {
        Ledgers.createBaseRows(api);
    }

    @Test
    void a_field_is_moved_by_hand_up_to_harvested_one_step_at_a_time() {
        String location = newField();
        String[] season = {"SCHEDULED", "HARVESTING", "HARVESTED"};

        for (int version = 0; version < season.length; version++) {
            Api.Reply moved = api.post(location + "/status", Map.of("status", season[version]), "If-Match", "\"" + version + "\"");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.json().get("status").asText()).isEqualTo(season[version]);
        }
        assertThat(api.get(location).json().has("nextCrop")).isFalse();
    }

    @Test
    void drying_and_storing_follow_the_drying_sites_and_cannot_be_set_by_hand() {
        String location = newField();
        for (String step : new String[]{"SCHEDULED", "HARVESTING", "HARVESTED"}) {
            api.post(location + "/status", Map.of("status", step, "version", api.get(location).json().get("version").asLong()));
        }

        Api.Reply drying = api.post(location + "/status", Map.of("status", "DRYING", "version", 3));

        assertThat(drying.status()).isEqualTo(409);
        assertThat(drying.json().get("type").asText()).endsWith("/illegal-transition");
        assertThat(drying.json().get("detail").asText()).contains("intake");
        assertThat(api.get(location).json().get("status").asText()).isEqualTo("HARVESTED");
    }

    @Test
    void sowing_names_the_next_crop_and_only_sowing_does() {
        String location = newField();

        Api.Reply sownWithoutCrop = api.post(location + "/status", Map.of("status", "SOWN", "version", 0));
        Api.Reply cropWithoutSowing = api.post(location + "/status", Map.of("status", "SCHEDULED", "nextCrop", "CORN", "version", 0));
        Api.Reply badCrop = api.post(location + "/status", Map.of("status", "SOWN", "nextCrop", "corn", "version", 0));

        assertThat(sownWithoutCrop.status()).isEqualTo(422);
        assertThat(sownWithoutCrop.errorFields()).containsExactly("nextCrop");
        assertThat(cropWithoutSowing.status()).isEqualTo(422);
        assertThat(cropWithoutSowing.errorFields()).containsExactly("nextCrop");
        assertThat(badCrop.status()).isEqualTo(422);
        assertThat(badCrop.errorFields()).containsExactly("nextCrop");
    }

    @Test
    void a_new_field_is_registered_and_may_only_be_scheduled() {
        String location = newField();

        Api.Reply field = api.get(location);
        Api.Reply skipped = api.post(location + "/status", Map.of("status", "HARVESTED", "version", 0));

        assertThat(field.json().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(field.json().get("nextStatuses").toString()).isEqualTo("[\"SCHEDULED\"]");
        assertThat(skipped.status()).isEqualTo(409);
        assertThat(skipped.json().get("type").asText()).endsWith("/illegal-transition");
        assertThat(api.get(location).json().get("status").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void a_scheduled_field_may_return_to_registered_when_its_plan_is_withdrawn() {
        String location = newField();
        api.post(location + "/status", Map.of("status", "SCHEDULED", "version", 0));

        Api.Reply back = api.post(location + "/status", Map.of("status", "REGISTERED", "version", 1));

        assertThat(back.status()).isEqualTo(200);
    }

    @Test
    void a_status_change_needs_the_current_version() {
        String location = newField();

        assertThat(api.post(location + "/status", Map.of("status", "SCHEDULED")).status()).isEqualTo(428);
        assertThat(api.post(location + "/status", Map.of("status", "SCHEDULED"), "If-Match", "\"7\"").status()).isEqualTo(412);
        assertThat(api.post(location + "/status", Map.of("status", "RIPE", "version", 0)).status()).isEqualTo(400);
    }

    @Test
    void editing_a_field_keeps_its_status() {
        String location = newField();
        api.post(location + "/status", Map.of("status", "SCHEDULED", "version", 0));
        String code = api.get(location).json().get("code").asText();

        Api.Reply edited = api.put(location, Ledgers.with(Ledgers.Resource.FIELDS.body(code), "areaMu", 9.5), "If-Match", "\"1\"");

        assertThat(edited.json().get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(edited.json().get("areaMu").asDouble()).isEqualTo(9.5);
    }

    private String newField() {
        return api.post("/api/v1/fields", Ledgers.Resource.FIELDS.body("LF-" + ++fields)).header("Location");
    }
}
