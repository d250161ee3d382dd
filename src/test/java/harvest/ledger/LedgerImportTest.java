package harvest.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class LedgerImportTest extends DatabaseTest {
    private static final String FARMERS_HEADER = "code,name,phone,community_code,labor_short,elderly,language";

    @Inject
    Api api;

    @BeforeAll
    void loadTheDemoDistrict() {
        Api.Reply reply = api.upload("/api/v1/ledgers/bundle", Files.ZIP, Files.zip(Files.demoDistrict()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void the_demo_district_bundle_reports_every_ledger_it_holds() {
        Map<String, byte[]> files = new LinkedHashMap<>(Files.demoDistrict());
        files.put("forecast.json", "{}".getBytes(StandardCharsets.UTF_8));

        JsonNode report = api.upload("/api/v1/ledgers/bundle?dryRun=true", Files.ZIP, Files.zip(files)).json();

        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(rowsPerLedger(report)).containsExactly(
                Map.entry("communities", 15), Map.entry("farmers", 318), Map.entry("fields", 667), Map.entry("machines", 50),
                Map.entry("drying_sites", 13), Map.entry("teams", 10), Map.entry("aid_stations", 6));
        assertThat(report.get("ignoredFiles").get(0).asText()).isEqualTo("forecast.json");
    }

    @Test
    void importing_the_same_ledgers_again_changes_nothing() {
        JsonNode report = api.upload("/api/v1/ledgers/bundle", Files.ZIP, Files.zip(Files.demoDistrict())).json();

        for (JsonNode ledger : report.get("ledgers")) {
            assertThat(ledger.get("created").asInt() + ledger.get("updated").asInt()).as(ledger.toString()).isZero();
            assertThat(ledger.get("unchanged").asInt()).isEqualTo(ledger.get("rows").asInt());
        }
        assertThat(api.get("/api/v1/fields/code/P000001").etag()).isEqualTo("\"0\"");
    }

    @Test
    void a_dry_run_reports_creations_and_updates_but_writes_nothing() {
        byte[] csv = Files.csv(FARMERS_HEADER,
                "NEW-1,新户,13800138000,BL-01,false,false,zh-CN",
                "F00001,白旺改,+8615078657975,YC-03,true,false,zh-CN");

        JsonNode report = api.upload("/api/v1/ledgers/farmers/import?dryRun=true", Files.CSV, csv).json();

        JsonNode farmers = report.get("ledgers").get(0);
        assertThat(farmers.get("created").asInt()).isEqualTo(1);
        assertThat(farmers.get("updated").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/farmers/code/NEW-1").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/farmers/code/F00001").json().get("name").asText()).isEqualTo("白旺");
    }

    @Test
    void a_commit_upserts_by_code_and_normalises_phone_numbers() {
        String code = unique();
        byte[] csv = Files.csv(FARMERS_HEADER, code + ",新户," + "138 0013 8000" + ",BL-01,是,否,en");

        Api.Reply reply = api.upload("/api/v1/ledgers/farmers/import", Files.CSV, csv);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode farmer = api.get("/api/v1/farmers/code/" + code).json();
        assertThat(farmer.get("phone").asText()).isEqualTo("+8613800138000");
        assertThat(farmer.get("laborShort").asBoolean()).isTrue();
        assertThat(farmer.get("language").asText()).isEqualTo("en");
    }

    @Test
    void chinese_headers_are_accepted() {
        String code = unique();
        byte[] csv = Files.csv("户编号,户主,电话,社区,缺劳力,留守老人", code + ",石娜中,+8613989555979,BL-03,否,是");

        Api.Reply reply = api.upload("/api/v1/ledgers/farmers/import", Files.CSV, csv);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/farmers/code/" + code).json().get("elderly").asBoolean()).isTrue();
    }

    @Test
    void an_xlsx_ledger_imports_like_its_csv_twin() {
        String code = unique();
        byte[] xlsx = Files.xlsx(List.of(
                List.of("code", "name", "street", "lat", "lon"),
                List.of(code, "新社区", "魏北街道", 34.05, 113.82)));

        Api.Reply reply = api.upload("/api/v1/ledgers/communities/import", Files.XLSX, xlsx);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/communities/code/" + code).json().get("lat").asDouble()).isEqualTo(34.05);
    }

    @Test
    void a_multipart_bundle_imports_each_named_part() {
        String community = unique();
        String body = multipart(Map.of(
                "communities", Files.csv("code,name,street,lat,lon", community + ",新社区,魏北街道,34.05,113.82"),
                "drying_sites", Files.csv("code,name,kind,community_code,lat,lon,capacity_tonnes_per_day,rain_usable,contact_name,contact_phone",
                        community + "-D,新晾晒场,YARD," + community + ",34.05,113.82,20,false,王明,+8613800138000")));

        Api.Reply reply = api.send("POST", "/api/v1/ledgers/bundle/parts", HttpRequest.BodyPublishers.ofString(body),
                "multipart/form-data; boundary=" + BOUNDARY);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/drying-sites/code/" + community + "-D").json().get("kind").asText()).isEqualTo("YARD");
    }

    @Test
    void one_bad_row_rejects_the_whole_bundle_listing_every_bad_row() {
        String community = unique();
        Map<String, byte[]> files = Map.of(
                "communities.csv", Files.csv("code,name,street,lat,lon", community + ",好社区,魏北街道,34.05,113.82"),
                "fields.csv", Files.csv(
                        "code,farmer_code,community_code,name,crop,area_mu,lat,lon,ripe_from,expected_yield_kg_per_mu",
                        community + "-1,F00001," + community + ",好地,WHEAT,5.5,34.1,113.8,2023-05-29T12:00:00+08:00,500",
                        community + "-2,F00001," + community + ",坏地,WHEAT,-5,34.1,113.8,2023-05-29T12:00:00+08:00,500",
                        community + "-3,NOBODY," + community + ",无主地,WHEAT,5,34.1,113.8,2023-05-29T12:00,500"));

        Api.Reply reply = api.upload("/api/v1/ledgers/bundle", Files.ZIP, Files.zip(files));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().get("type").asText()).endsWith("/import-rejected");
        assertThat(errors(reply)).containsExactly(
                "fields:3:area_mu", "fields:4:ripe_from");
        assertThat(api.get("/api/v1/communities/code/" + community).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/fields/code/" + community + "-1").status()).isEqualTo(404);
    }

    @Test
    void rows_are_checked_for_references_duplicates_and_shape() {
        byte[] csv = Files.csv(FARMERS_HEADER,
                "DUP-1,甲,13800138000,BL-01,false,false,zh-CN",
                "DUP-1,乙,13800138001,BL-01,false,false,zh-CN",
                "REF-1,丙,13800138002,NO-SUCH,false,false,zh-CN",
                "BAD-1,丁,12345,BL-01,maybe,false,zh-CN,extra");

        Api.Reply reply = api.upload("/api/v1/ledgers/farmers/import", Files.CSV, csv);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(errors(reply)).containsExactly(
                "farmers:3:code", "farmers:4:community_code", "farmers:5:", "farmers:5:labor_short");
        assertThat(api.get("/api/v1/farmers/code/DUP-1").status()).isEqualTo(404);
    }

    @Test
    void blank_required_cells_are_reported_and_blank_lines_are_skipped_but_counted() {
        byte[] csv = Files.csv("code,name,street,lat,lon", "", ",,,,", "B-1,,街道,34.0,113.8", "\"B-2\",\"two\nlines\",街道,,113.8");

        Api.Reply reply = api.upload("/api/v1/ledgers/communities/import", Files.CSV, csv);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(errors(reply)).containsExactly("communities:4:name", "communities:5:lat");
    }

    @Test
    void a_retired_entry_stays_retired_when_its_ledger_is_imported_again() {
        String code = unique();
        byte[] csv = Files.csv("code,name,street,lat,lon", code + ",旧社区,街道,34.0,113.8");
        api.upload("/api/v1/ledgers/communities/import", Files.CSV, csv);
        String location = "/api/v1/communities/" + api.get("/api/v1/communities/code/" + code).json().get("id").asLong();
        api.delete(location);

        Api.Reply reimport = api.upload("/api/v1/ledgers/communities/import", Files.CSV, csv);

        assertThat(reimport.json().at("/ledgers/0/unchanged").asInt()).isEqualTo(1);
        assertThat(api.get(location).json().get("retiredAt").asText()).isNotBlank();
    }

    @Test
    void a_missing_required_column_is_reported_on_the_header_line() {
        byte[] csv = Files.csv("code,name,street,lat", "NO-LON,社区,街道,34.0");

        Api.Reply reply = api.upload("/api/v1/ledgers/communities/import", Files.CSV, csv);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(errors(reply)).containsExactly("communities:1:lon");
    }

    @Test
    void unreadable_files_are_refused_with_422() {
        byte[] latin1 = "code,name,street,lat,lon\nX,caf\u00e9,s,1,1\n".getBytes(StandardCharsets.ISO_8859_1);

        assertUnreadable(api.upload("/api/v1/ledgers/communities/import", Files.CSV, latin1));
        assertUnreadable(api.upload("/api/v1/ledgers/communities/import", Files.XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8)));
        assertThat(api.upload("/api/v1/ledgers/communities/import", Files.CSV, new byte[0]).errorFields()).containsExactly("file");
        assertUnreadable(api.upload("/api/v1/ledgers/bundle", Files.ZIP, "not a zip".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_zip_bomb_is_refused_before_it_fills_memory() {
        byte[] bomb = Files.zip(Map.of("fields.csv", new byte[80 * 1024 * 1024]));
        assertThat(bomb.length).isLessThan(200 * 1024);

        assertUnreadable(api.upload("/api/v1/ledgers/bundle", Files.ZIP, bomb));
    }

    @Test
    void a_workbook_that_inflates_suspiciously_is_refused() {
        byte[] bomb = Files.zip(Map.of(
                "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                        .getBytes(StandardCharsets.UTF_8),
                "xl/worksheets/sheet1.xml", new byte[40 * 1024 * 1024]));

        Api.Reply reply = api.upload("/api/v1/ledgers/fields/import", Files.XLSX, bomb);

        assertUnreadable(reply);
        assertThat(reply.json().get("detail").asText()).containsIgnoringCase("zip bomb");
    }

    @Test
    void wrong_content_types_and_unknown_ledgers_are_refused() {
        assertThat(api.upload("/api/v1/ledgers/farmers/import", "text/plain", Files.csv(FARMERS_HEADER)).status()).isEqualTo(415);
        assertThat(api.upload("/api/v1/ledgers/harvesters/import", Files.CSV, Files.csv(FARMERS_HEADER)).status()).isEqualTo(404);
    }

    private static void assertUnreadable(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().get("type").asText()).endsWith("/unreadable-file");
    }

    private static List<String> errors(Api.Reply reply) {
        return java.util.stream.StreamSupport.stream(reply.json().get("errors").spliterator(), false)
                .map(e -> e.get("ledger").asText() + ":" + e.get("line").asInt() + ":" + e.get("field").asText())
                .toList();
    }

    private static Map<String, Integer> rowsPerLedger(JsonNode report) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        report.get("ledgers").forEach(l -> rows.put(l.get("ledger").asText(), l.get("rows").asInt()));
        return rows;
    }

    private static String unique() {
        return "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static final String BOUNDARY = "harvest-test-boundary";

    private static String multipart(Map<String, byte[]> parts) {
        var out = new ByteArrayOutputStream();
        parts.forEach((name, content) -> {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                    + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
