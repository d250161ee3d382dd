package harvest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the ledger files tests upload: CSV text, XLSX workbooks, zip bundles, and the demo district. */
public final class Files {
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ZIP = "application/zip";
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> LEDGERS = List.of("communities", "farmers", "fields", "machines", "drying_sites", "teams", "aid_stations");

    private Files() {
    }

    public static byte[] csv(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<List<Object>> rows) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("ledger");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value instanceof Boolean flag) {
                        row.createCell(c).setCellValue(flag);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo district's forecast issue (the June 2023 storm) as shipped with the service. */
    public static byte[] demoForecast() {
        try (InputStream in = Files.class.getResourceAsStream("/demo-district/forecast.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo district's seven ledgers as shipped with the service, by file name. */
    public static Map<String, byte[]> demoDistrict() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String ledger : LEDGERS) {
            try (InputStream in = Files.class.getResourceAsStream("/demo-district/" + ledger + ".csv")) {
                files.put(ledger + ".csv", in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /**
     * The demo forecast issued again at {@code issuedAt}, with heavy rain in {@code communities} in every hour whose
     * local time starts with one of {@code hourPrefixes} (e.g. "2023-06-04T10").
     */
    public static String wetterForecast(String issuedAt, Set<String> communities, List<String> hourPrefixes) {
        try {
            ObjectNode bundle = (ObjectNode) JSON.readTree(demoForecast());
            bundle.put("issuedAt", issuedAt);
            for (JsonNode series : bundle.get("series")) {
                if (communities.contains(series.get("communityCode").asText())) {
                    for (JsonNode hour : series.get("hourly")) {
                        String time = hour.get("time").asText();
                        if (hourPrefixes.stream().anyMatch(time::startsWith)) {
                            ((ObjectNode) hour).put("precipitationMm", 3.0).put("probabilityPct", 95);
                        }
                    }
                }
            }
            return JSON.writeValueAsString(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
