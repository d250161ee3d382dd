package harvest.ledger;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import harvest.testing.Ledgers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static harvest.testing.Ledgers.with;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class LedgerExportTest extends DatabaseTest {
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"点我\")";

    @Inject
    Api api;

    @BeforeAll
    void loadTheDemoDistrictAndAHostileName() {
        api.upload("/api/v1/ledgers/bundle", Files.ZIP, Files.zip(Files.demoDistrict()));
        Ledgers.createBaseRows(api);
        api.post("/api/v1/farmers", with(Ledgers.Resource.FARMERS.body("EVIL-1"), "name", FORMULA));
    }

    @Test
    void a_csv_export_has_the_import_columns_and_excel_reads_it_as_utf8() {
        Api.Reply export = api.get("/api/v1/ledgers/fields/export?format=csv");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.header("Content-Disposition")).contains("fields.csv");
        String text = export.text();
        assertThat(text).startsWith("\uFEFFcode,farmer_code,community_code,name,crop,area_mu,lat,lon,ripe_from,expected_yield_kg_per_mu");
        assertThat(text).contains("P000001,F00001,YC-03,庄社区1号地,WHEAT,4.1,34.087728,113.840895,2023-05-29T12:00:00+08:00,546");
        assertThat(text.lines().count()).isEqualTo(1 + 667);
    }

    @Test
    void an_exported_ledger_imports_back_unchanged() {
        for (String ledger : Files.LEDGERS) {
            byte[] csv = api.get("/api/v1/ledgers/" + ledger + "/export").bytes();

            Api.Reply reply = api.upload("/api/v1/ledgers/" + ledger + "/import?dryRun=true", Files.CSV, csv);

            assertThat(reply.status()).as(ledger + ": " + reply).isEqualTo(200);
            var counts = reply.json().get("ledgers").get(0);
            assertThat(counts.get("unchanged").asInt()).as(ledger).isEqualTo(counts.get("rows").asInt());
        }
    }

    @Test
    void an_xlsx_export_is_a_workbook_with_one_row_per_entry() throws IOException {
        Api.Reply export = api.get("/api/v1/ledgers/machines/export?format=xlsx");

        assertThat(export.header("Content-Type")).startsWith(Files.XLSX);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("code");
            assertThat(sheet.getLastRowNum()).isEqualTo(50);
        }
        assertThat(api.upload("/api/v1/ledgers/machines/import?dryRun=true", Files.XLSX, export.bytes()).json()
                .get("ledgers").get(0).get("unchanged").asInt()).isEqualTo(50);
    }

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_is_neutralised_and_restored_on_import() {
        String csv = new String(api.get("/api/v1/ledgers/farmers/export").bytes(), StandardCharsets.UTF_8);

        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\"");
        assertThat(csv).contains("'+8615078657975");

        Api.Reply reimport = api.upload("/api/v1/ledgers/farmers/import?dryRun=true", Files.CSV, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(reimport.json().get("ledgers").get(0).get("updated").asInt()).isZero();
    }

    @Test
    void an_unknown_format_is_refused() {
        Api.Reply reply = api.get("/api/v1/ledgers/fields/export?format=pdf");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorFields()).containsExactly("format");
    }
}
