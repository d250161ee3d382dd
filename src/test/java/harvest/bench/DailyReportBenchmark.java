package harvest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harvest.dispatch.AssignmentWork;
import harvest.dispatch.report.DailyReports;
import harvest.field.FieldLedger;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStatus;
import harvest.planning.PlanPolling;
import harvest.planning.AssignmentStore;
import harvest.system.DistrictTime;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import harvest.testing.SettableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily report of a county: the demo district copied eight times (5,336 fields, 400 machines, 128
 * communities), planned, published, and every job of its first four days reported done by the operators; the
 * fourth day's report against a baseline of reading the field ledger it is built on, in the same process. Run with {@code ./mvnw test -Pbenchmark}.
 */
@MicronautTest(transactional = false)
@Tag("benchmark")
class DailyReportBenchmark extends DatabaseTest {
    private static final int COPIES = 8;
    private static final Set<String> CODE_COLUMNS = Set.of("code", "farmer_code", "community_code");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2023-05-28");
    private static final LocalDate REPORTED = FIRST_DAY.plusDays(3);

    @Inject
    Api api;
    @Inject
    SettableClock clock;
    @Inject
    AssignmentStore assignments;
    @Inject
    AssignmentWork work;
    @Inject
    DailyReports reports;
    @Inject
    FieldLedger fields;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.sms.worker-enabled", "false", "harvest.dispatch.draft-interval", "1h");
    }

    @Test
    void the_daily_report_of_a_county() throws Exception {
        loadCounty();
        clock.set(FIRST_DAY.atStartOfDay(DistrictTime.ZONE).minusHours(4).toInstant());
        long plan = api.post("/api/v1/plans", Map.of("firstDay", FIRST_DAY.toString(), "days", 12, "strategy", "GREEDY")).json().get("id").asLong();
        PlanPolling.awaitFinished(api, plan);
        assertThat(api.post("/api/v1/plans/" + plan + "/publish", "{}").status()).isEqualTo(200);
        int finished = harvestUntil(plan, REPORTED.plusDays(1));
        clock.set(REPORTED.plusDays(1).atStartOfDay(DistrictTime.ZONE).plusHours(8).toInstant());

        long baseline = Medians.of(() -> fields.all(false).size());
        long report = Medians.of(() -> reports.report(REPORTED).communities().size());
        long lines = Medians.of(() -> reports.fields(REPORTED).size());

        System.out.printf("%n%-60s %10s %8s%n", "county: " + fields.all(false).size() + " fields, " + finished
                + " jobs reported done, report for " + REPORTED, "median ms", "ratio");
        System.out.printf("%-60s %10.1f %8.2f%n", "baseline: read the field ledger", baseline / 1e6, 1.0);
        System.out.printf("%-60s %10.1f %8.2f%n", "daily report: district and communities", report / 1e6, (double) report / baseline);
        System.out.printf("%-60s %10.1f %8.2f%n%n", "daily report: field lines", lines / 1e6, (double) lines / baseline);
    }

    /** Every job of the published plan that ends before {@code until} is started and finished, at its own times. */
    private int harvestUntil(long plan, LocalDate until) {
        List<Assignment> done = assignments.list(plan, null, null).stream()
                .filter(a -> a.end().toLocalDate().isBefore(until))
                .sorted((a, b) -> a.end().compareTo(b.end())).toList();
        for (Assignment a : done) {
            clock.set(a.start().toInstant());
            work.move(plan, a.chunkId(), AssignmentStatus.IN_PROGRESS);
            clock.set(a.end().toInstant());
            work.finish(plan, a.chunkId(), a.areaMu(), Math.round(a.yieldKg() / 10) / 100.0);
        }
        return done.size();
    }

    private void loadCounty() throws Exception {
        Map<String, byte[]> county = new LinkedHashMap<>();
        Files.demoDistrict().forEach((name, csv) -> county.put(name, copies(new String(csv, StandardCharsets.UTF_8))));
        assertThat(api.upload("/api/v1/ledgers/bundle", Files.ZIP, Files.zip(county)).status()).isEqualTo(200);
        ObjectMapper json = new ObjectMapper();
        ObjectNode forecast = (ObjectNode) json.readTree(Files.demoForecast());
        ArrayNode series = json.createArrayNode();
        for (int copy = 1; copy <= COPIES; copy++) {
            for (JsonNode community : forecast.get("series")) {
                ObjectNode copied = community.deepCopy();
                copied.put("communityCode", prefix(copy) + community.get("communityCode").asText());
                series.add(copied);
            }
        }
        forecast.set("series", series);
        assertThat(api.post("/api/v1/weather/forecasts", json.writeValueAsString(forecast)).status()).isEqualTo(201);
    }

    /** The ledger's rows {@code COPIES} times, with every code and reference prefixed by the copy. */
    private static byte[] copies(String csv) {
        List<String> lines = csv.lines().toList();
        String header = lines.getFirst().replace("\uFEFF", "");
        List<String> columns = Arrays.asList(header.split(","));
        StringBuilder out = new StringBuilder(header).append('\n');
        for (int copy = 1; copy <= COPIES; copy++) {
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (CODE_COLUMNS.contains(columns.get(c)) && !cells[c].isEmpty()) {
                        cells[c] = prefix(copy) + cells[c];
                    }
                }
                out.append(String.join(",", cells)).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String prefix(int copy) {
        return "K" + copy + "-";
    }
}
