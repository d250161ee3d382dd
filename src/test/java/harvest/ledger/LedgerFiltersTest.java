package harvest.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo district answers the questions a dispatcher asks of the ledgers. */
@MicronautTest
class LedgerFiltersTest extends DatabaseTest {
    @Inject
    Api api;

    @BeforeAll
    void loadTheDemoDistrict() {
        api.upload("/api/v1/ledgers/bundle", Files.ZIP, Files.zip(Files.demoDistrict()));
    }

    @Test
    void fields_filter_by_community_and_status() {
        JsonNode page = api.get("/api/v1/fields?community=BL-01&status=REGISTERED&size=500").json();

        assertThat(page.get("totalItems").asInt()).isEqualTo(42);
        assertThat(values(page, "communityCode")).containsOnly("BL-01");
        assertThat(values(page, "status")).containsOnly("REGISTERED");
        assertThat(api.get("/api/v1/fields?community=BL-01&status=HARVESTED").json().get("totalItems").asInt()).isZero();
    }

    @Test
    void fields_filter_by_street_through_their_community() {
        JsonNode page = api.get("/api/v1/fields?size=500&street=" + encode("灞陵街道")).json();
        List<String> streetCommunities = values(api.get("/api/v1/communities?street=" + encode("灞陵街道")).json(), "code");

        assertThat(page.get("totalItems").asInt()).isPositive();
        assertThat(streetCommunities).isNotEmpty().contains("BL-01", "BL-02");
        assertThat(values(page, "communityCode")).allMatch(streetCommunities::contains);
    }

    @Test
    void a_street_or_crop_that_matches_nothing_is_an_empty_page() {
        for (String ledger : List.of("communities", "fields", "farmers", "drying-sites", "teams", "aid-stations")) {
            Api.Reply none = api.get("/api/v1/" + ledger + "?street=" + encode("不存在街道"));
            assertThat(none.status()).as(ledger + " " + none).isEqualTo(200);
            assertThat(none.json().get("totalItems").asInt()).as(ledger).isZero();
        }
        Api.Reply rice = api.get("/api/v1/machines?crop=RICE");
        assertThat(rice.status()).as(rice.toString()).isEqualTo(200);
        assertThat(rice.json().get("totalItems").asInt()).isZero();
    }

    @Test
    void lists_sort_and_page() {
        JsonNode first = api.get("/api/v1/fields?sort=areaMu,desc&size=5").json();
        JsonNode second = api.get("/api/v1/fields?sort=areaMu,desc&size=5&page=1").json();

        List<Double> areas = new ArrayList<>();
        first.get("items").forEach(f -> areas.add(f.get("areaMu").asDouble()));
        second.get("items").forEach(f -> areas.add(f.get("areaMu").asDouble()));
        assertThat(areas).hasSize(10).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(first.get("totalItems").asInt()).isEqualTo(667);
        assertThat(first.get("totalPages").asInt()).isEqualTo(134);
    }

    @Test
    void machines_filter_by_kind_origin_and_crop() {
        JsonNode borrowedCombines = api.get("/api/v1/machines?kind=COMBINE&borrowed=true&size=500").json();
        JsonNode cornMachines = api.get("/api/v1/machines?crop=CORN&size=500").json();

        assertThat(borrowedCombines.get("totalItems").asInt()).isBetween(10, 20);
        assertThat(values(borrowedCombines, "origin")).doesNotContain("LOCAL");
        assertThat(values(borrowedCombines, "kind")).containsOnly("COMBINE");
        cornMachines.get("items").forEach(m -> assertThat(m.get("crops").toString()).contains("CORN"));
        assertThat(api.get("/api/v1/machines?origin=LOCAL&size=1").json().get("totalItems").asInt()
                + borrowedCombines.get("totalItems").asInt()
                + api.get("/api/v1/machines?kind=SEEDER&borrowed=true&size=1").json().get("totalItems").asInt())
                .isEqualTo(50);
    }

    @Test
    void farmers_filter_by_labour_shortage_and_drying_sites_by_kind() {
        JsonNode laborShort = api.get("/api/v1/farmers?laborShort=true&size=500").json();
        JsonNode yards = api.get("/api/v1/drying-sites?kind=YARD").json();

        assertThat(laborShort.get("totalItems").asInt()).isPositive().isLessThan(318);
        laborShort.get("items").forEach(f -> assertThat(f.get("laborShort").asBoolean()).isTrue());
        assertThat(values(yards, "kind")).containsOnly("YARD");
        assertThat(values(yards, "rainUsable")).containsOnly("false");
    }

    @Test
    void teams_and_aid_stations_filter_by_community() {
        JsonNode team = api.get("/api/v1/teams?community=XX-01").json();
        JsonNode militia = api.get("/api/v1/teams?kind=MILITIA").json();

        assertThat(values(team, "code")).contains("T001").doesNotContain("T002");
        assertThat(values(team, "communityCode")).containsOnly("XX-01");
        assertThat(values(militia, "kind")).containsOnly("MILITIA");
        assertThat(api.get("/api/v1/aid-stations?community=XX-03").json().get("items").get(0).get("code").asText()).isEqualTo("A001");
    }

    @Test
    void bad_paging_and_sorting_are_refused_with_422() {
        assertThat(api.get("/api/v1/fields?sort=owner").errorFields()).containsExactly("sort");
        assertThat(api.get("/api/v1/fields?sort=areaMu,sideways").errorFields()).containsExactly("sort");
        assertThat(api.get("/api/v1/fields?size=501").errorFields()).containsExactly("size");
        assertThat(api.get("/api/v1/fields?page=-1").errorFields()).containsExactly("page");
        assertThat(api.get("/api/v1/fields?status=EATEN").status()).isEqualTo(400);
    }

    private static List<String> values(JsonNode page, String property) {
        List<String> values = new ArrayList<>();
        page.get("items").forEach(item -> values.add(item.get(property).asText()));
        return values;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
