package harvest.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.planning.PlanPolling;
import harvest.sms.texts.DailySummaryTexts;
import harvest.sms.twilio.SmsWorker;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.FakeTwilio;
import harvest.testing.Files;
import harvest.testing.SettableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

/**
 * The demo district's June 2023 storm, replayed day by day from 28 May through the API with the district clock
 * set to the season: the dispatcher plans and publishes; operators start and finish their jobs (by API, and by
 * texting 完成); grain goes through the drying sites and the fields are sown; one combine breaks down by text and
 * another through the API, a farmer texts that a field is not ready, and a new forecast brings rain back. Each
 * disruption gets a draft re-plan that the dispatcher publishes. Every evening the daily report must add up from
 * field to community to district, and agree with what the operators reported. At the end every field is harvested.
 */
@MicronautTest(transactional = false)
class SeasonReplayTest extends DatabaseTest {
    private static final FakeTwilio TWILIO = new FakeTwilio();
    private static final String PUBLIC = "https://harvest.example.org";
    private static final String INBOUND = "/api/v1/sms/twilio/inbound";
    private static final LocalDate FIRST_DAY = LocalDate.parse("2023-05-28");
    private static final LocalDate LAST_DAY = LocalDate.parse("2023-06-08");
    private static final Set<String> HARVESTED = Set.of("HARVESTED", "DRYING", "STORED", "SOWN");

    @Inject
    Api api;
    @Inject
    SettableClock clock;
    @Inject
    SmsWorker worker;
    @Inject
    DailySummaryTexts summaries;

    private long plan;
    private long lastDisruption;
    /** What the operators reported harvested, by day: the report must say the same. */
    private final Map<LocalDate, Double> reportedMu = new HashMap<>();
    private final Map<LocalDate, Double> takenInTonnes = new HashMap<>();
    private final Map<String, Double> tonnesByField = new HashMap<>();
    private final List<String> events = new ArrayList<>();
    private final Set<String> broken = new HashSet<>();
    private double harvestedToDate;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.ofEntries(Map.entry("harvest.demo", "true"), Map.entry("harvest.sms.worker-enabled", "false"),
                Map.entry("harvest.sms.rate-per-second", "100000"), Map.entry("harvest.sms.batch-size", "1000"),
                Map.entry("harvest.sms.quiet-start", "00:00"), Map.entry("harvest.sms.quiet-end", "00:00"),
                Map.entry("harvest.sms.daily-cap", "100000"),
                Map.entry("harvest.sms.twilio.account-sid", FakeTwilio.ACCOUNT), Map.entry("harvest.sms.twilio.auth-token", FakeTwilio.TOKEN),
                Map.entry("harvest.sms.twilio.from", "+15005550006"), Map.entry("harvest.sms.twilio.api-base-url", TWILIO.baseUrl()),
                Map.entry("harvest.sms.twilio.webhook-base-url", PUBLIC), Map.entry("harvest.dispatch.draft-interval", "200ms"),
                Map.entry("harvest.dispatch.leader-phones", "+8613800000001"));
    }

    @AfterAll
    void stopTwilio() {
        TWILIO.close();
    }

    @Test
    void the_storm_is_harvested_field_by_field_and_every_daily_report_adds_up() {
        at("2023-05-27T19:00:00+08:00");
        plan = api.post("/api/v1/plans", Map.of("firstDay", FIRST_DAY.toString(), "days", 12, "strategy", "GREEDY")).json().get("id").asLong();
        PlanPolling.awaitFinished(api, plan);
        assertThat(api.post("/api/v1/plans/" + plan + "/publish", "{}").status()).isEqualTo(200);
        drainTexts();

        LocalDate day = FIRST_DAY;
        for (; !allHarvested(); day = day.plusDays(1)) {
            assertThat(day).as("every field harvested by " + LAST_DAY).isBeforeOrEqualTo(LAST_DAY);
            morning(day);
            work(day);
            evening(day);
        }

        System.out.println("season replay: " + String.join("; ", events));
        assertThat(events).anyMatch(e -> e.startsWith("breakdown by text")).anyMatch(e -> e.startsWith("breakdown by API"))
                .anyMatch(e -> e.startsWith("not ready")).anyMatch(e -> e.startsWith("rain"));
        JsonNode last = api.get("/api/v1/reports/daily/" + day.minusDays(1)).json().get("district");
        assertThat(last.get("percentComplete").asDouble()).isEqualTo(100.0);
        assertThat(last.get("ripeRemainingMu").asDouble()).isZero();
        assertThat(api.get("/api/v1/audit?entity=ASSIGNMENT&size=1").json().get("totalItems").asLong()).isPositive();
        assertThat(api.get("/api/v1/reports/daily/" + day.plusDays(1)).errorFields()).as("a day not begun").containsExactly("date");
        assertThat(api.get("/api/v1/reports/daily/" + day + "/export?level=machines").errorFields()).containsExactly("level");
    }

    /** Yesterday's grain leaves the sites dried and its fields are sown; on 30 May the forecast brings rain back. */
    private void morning(LocalDate day) {
        at(day + "T06:00:00+08:00");
        for (JsonNode site : api.get("/api/v1/drying-sites/status").json()) {
            for (JsonNode movement : api.get("/api/v1/drying-sites/" + site.get("code").asText() + "/movements?day=" + day.minusDays(1)).json()) {
                if (movement.get("kind").asText().equals("INTAKE")) {
                    assertThat(api.post("/api/v1/drying-sites/" + site.get("code").asText() + "/outflow",
                            Map.of("fieldCode", movement.get("fieldCode").asText(), "tonnes", movement.get("tonnes").decimalValue())).status())
                            .isEqualTo(201);
                }
            }
        }
        for (JsonNode field : items("/api/v1/fields?status=STORED&size=200")) {
            assertThat(api.post("/api/v1/fields/" + field.get("id").asLong() + "/status",
                    Map.of("status", "SOWN", "nextCrop", "MAIZE", "version", field.get("version").asLong())).status()).isEqualTo(200);
        }
        JsonNode afternoonJob = stream(api.get("/api/v1/plans/" + plan + "/assignments").json())
                .filter(a -> pending(a) && a.get("start").asText().startsWith(day + "T1")).findFirst().orElse(null);
        if (!day.isBefore(LocalDate.parse("2023-05-31")) && afternoonJob != null && events.stream().noneMatch(e -> e.startsWith("rain"))) {
            Set<String> communities = Set.of(api.get("/api/v1/fields/code/" + afternoonJob.get("fieldCode").asText()).json()
                    .get("communityCode").asText());
            assertThat(api.post("/api/v1/weather/forecasts", Files.wetterForecast(day + "T05:00:00+08:00", communities,
                    List.of(day + "T1", day + "T2"))).status()).isEqualTo(201);
            JsonNode rain = awaitDraft("RAIN");
            events.add("rain over " + rain.get("subject").asText() + " flagged " + rain.get("flagged").asInt() + " job(s)");
            drainTexts();
            assertThat(TWILIO.created()).anyMatch(text -> text.get("Body").contains("降雨预警"));
        }
    }

    /**
     * The day's jobs in the order they start: each is started and finished at its planned times, by API or by
     * the operator's text. The breakdowns and the farmer's "not ready" happen as the day goes.
     */
    private void work(LocalDate day) {
        OffsetDateTime dayEnd = day.plusDays(1).atStartOfDay().atOffset(OffsetDateTime.parse(day + "T00:00:00+08:00").getOffset());
        Set<String> handled = new HashSet<>();
        boolean replanned = true;
        List<JsonNode> jobs = List.of();
        int index = 0;
        while (true) {
            if (replanned) {
                jobs = stream(api.get("/api/v1/plans/" + plan + "/assignments").json())
                        .filter(a -> pending(a) && OffsetDateTime.parse(a.get("start").asText()).isBefore(dayEnd))
                        .sorted(Comparator.comparing(a -> OffsetDateTime.parse(a.get("start").asText()))).toList();
                index = 0;
                replanned = false;
            }
            if (index >= jobs.size()) {
                return;
            }
            JsonNode job = jobs.get(index++);
            if (!handled.add(plan + "/" + job.get("chunkId").asText())) {
                continue;
            }
            at(job.get("start").asText());
            replanned = disruptionBefore(day, job) || doJob(job);
        }
    }

    /** Returns true when the dispatcher published a revision because of what happened. */
    private boolean disruptionBefore(LocalDate day, JsonNode job) {
        String machine = job.get("machineCode").asText();
        if (job.get("sequence").asInt() >= 2 && events.stream().noneMatch(e -> e.startsWith("breakdown by text"))) {
            start(job);
            post(job, "progress", Map.of("doneMu", half(job)));
            reportedMu.merge(day, half(job) - job.get("doneMu").asDouble(), Double::sum);
            text(operatorPhone(machine), "坏了，割台卡住了");
            broken.add(machine);
            assertThat(assignment(job).get("status").asText()).isEqualTo("FAILED");
            events.add("breakdown by text: " + machine + " on " + job.get("chunkId").asText());
            awaitDraft("BREAKDOWN");
            return true;
        }
        if (!day.isBefore(LocalDate.parse("2023-06-01")) && events.stream().noneMatch(e -> e.startsWith("breakdown by API"))) {
            start(job);
            broken.add(machine);
            assertThat(post(job, "breakdown", Map.of()).json().get("status").asText()).isEqualTo("FAILED");
            events.add("breakdown by API: " + machine + " on " + job.get("chunkId").asText());
            awaitDraft("BREAKDOWN");
            return true;
        }
        JsonNode field = api.get("/api/v1/fields/code/" + job.get("fieldCode").asText()).json();
        if (!day.isBefore(LocalDate.parse("2023-05-29")) && field.get("status").asText().equals("SCHEDULED")
                && events.stream().noneMatch(e -> e.startsWith("not ready"))) {
            String phone = api.get("/api/v1/farmers/code/" + field.get("farmerCode").asText()).json().get("phone").asText();
            text(phone, "2 还没熟");
            assertThat(OffsetDateTime.parse(api.get("/api/v1/fields/code/" + field.get("code").asText()).json().get("ripeFrom").asText()))
                    .isAfter(OffsetDateTime.parse(job.get("start").asText()));
            events.add("not ready: " + field.get("code").asText());
            awaitDraft("NOT_READY");
            return true;
        }
        return false;
    }

    /** Starts and finishes the job; every third is reported done by text. */
    private boolean doJob(JsonNode job) {
        start(job);
        double mu = job.get("areaMu").asDouble();
        double tonnes = Math.round(job.get("yieldKg").asDouble() / 10) / 100.0;
        at(job.get("end").asText());
        if (job.get("sequence").asInt() % 3 == 0) {
            text(operatorPhone(job.get("machineCode").asText()), "完成");
        } else {
            assertThat(post(job, "finish", Map.of("actualMu", mu, "tonnes", tonnes)).status()).isEqualTo(200);
        }
        JsonNode done = assignment(job);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        LocalDate day = OffsetDateTime.parse(job.get("end").asText()).toLocalDate();
        reportedMu.merge(day, mu - job.get("doneMu").asDouble(), Double::sum);
        tonnesByField.merge(job.get("fieldCode").asText(), tonnes, Double::sum);
        return false;
    }

    private void start(JsonNode job) {
        if (job.get("sequence").asInt() % 2 == 0) {
            assertThat(post(job, "status", Map.of("status", "CONFIRMED")).status()).isEqualTo(200);
        }
        assertThat(post(job, "status", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(200);
    }

    /**
     * Fields harvested today go to a drying site with room; the dispatcher re-plans what no plan covers any more;
     * the daily report is checked; the leaders' summary and the day's texts go out.
     */
    private void evening(LocalDate day) {
        at(day + "T21:00:00+08:00");
        for (JsonNode field : items("/api/v1/fields?status=HARVESTED&size=200")) {
            takeIn(day, field.get("code").asText(), Math.round(tonnesByField.getOrDefault(field.get("code").asText(), 0.0) * 100) / 100.0);
        }
        Set<String> planned = stream(api.get("/api/v1/plans/" + plan + "/assignments").json())
                .filter(a -> pending(a) || a.get("status").asText().equals("DONE")).map(a -> a.get("fieldCode").asText())
                .collect(Collectors.toSet());
        List<String> unplanned = items("/api/v1/fields?size=200").stream()
                .filter(f -> !HARVESTED.contains(f.get("status").asText()) && !planned.contains(f.get("code").asText()))
                .map(f -> f.get("code").asText()).toList();
        if (!unplanned.isEmpty() && !allHarvested()) {
            long revision = api.post("/api/v1/plans/" + plan + "/replan", Map.of("pinStartedBefore", clock.instant().toString())).json().get("id").asLong();
            publish(revision);
            events.add(day + ": re-planned " + unplanned.size() + " field(s) no plan covered");
        }
        checkReport(day);
        assertThat(summaries.queueFor(day)).isEqualTo(1);
        drainTexts();
        JsonNode summary = api.get("/api/v1/sms/messages?phone=%2B8613800000001&size=1").json().at("/items/0");
        assertThat(summary.get("body").asText()).contains("日调度");
        assertThat(summary.get("status").asText()).as(summary.toString()).isEqualTo("SENT");
    }

    private void takeIn(LocalDate day, String field, double tonnes) {
        if (tonnes <= 0) {
            return;
        }
        for (JsonNode site : api.get("/api/v1/drying-sites/status").json()) {
            if (site.get("state").asText().equals("OPEN") && site.get("roomLeftTodayTonnes").asDouble() >= tonnes) {
                assertThat(api.post("/api/v1/drying-sites/" + site.get("code").asText() + "/intake",
                        Map.of("fieldCode", field, "tonnes", tonnes)).status()).isEqualTo(201);
                takenInTonnes.merge(day, tonnes, Double::sum);
                return;
            }
        }
    }

    private void checkReport(LocalDate day) {
        JsonNode report = api.get("/api/v1/reports/daily/" + day).json();
        assertThat(report.at("/district/harvestedToDateMu").asDouble()).as(day + " to date is yesterday's plus today's")
                .isCloseTo(harvestedToDate + report.at("/district/harvestedTodayMu").asDouble(), offset(0.011));
        harvestedToDate = report.at("/district/harvestedToDateMu").asDouble();
        List<JsonNode> fields = stream(api.get("/api/v1/reports/daily/" + day + "/fields").json()).toList();
        Map<String, List<JsonNode>> byCommunity = fields.stream().collect(Collectors.groupingBy(f -> f.get("communityCode").asText()));
        for (String measure : List.of("harvestedTodayMu", "harvestedToDateMu", "ripeRemainingMu", "tonnesWaiting", "expectedLossKg")) {
            for (JsonNode community : report.get("communities")) {
                double sum = byCommunity.getOrDefault(community.get("communityCode").asText(), List.of()).stream()
                        .mapToDouble(f -> f.get(measure).asDouble()).sum();
                assertThat(community.get(measure).asDouble()).as(day + " " + measure + " of " + community.get("communityCode").asText())
                        .isCloseTo(sum, offset(0.011));
            }
            double communities = stream(report.get("communities")).mapToDouble(c -> c.get(measure).asDouble()).sum();
            assertThat(report.at("/district/" + measure).asDouble()).as(day + " district " + measure).isCloseTo(communities, offset(0.011));
        }
        for (String count : List.of("fieldsAtRisk", "machinesWorking", "machinesIdle", "machinesBroken", "machinesBorrowed", "teamTasksDone")) {
            int communities = stream(report.get("communities")).mapToInt(c -> c.get(count).asInt()).sum();
            assertThat(report.at("/district/" + count).asInt()).as(day + " district " + count).isEqualTo(communities);
        }
        assertThat(report.at("/district/fieldsAtRisk").asInt()).isEqualTo((int) fields.stream().filter(f -> f.get("atRisk").asBoolean()).count());
        assertThat(report.at("/district/harvestedTodayMu").asDouble()).as(day + " harvested today, as the operators reported it")
                .isCloseTo(reportedMu.getOrDefault(day, 0.0), offset(0.05));
        assertThat(report.at("/district/dryingIntakeTonnes").asDouble()).as(day + " drying intake")
                .isCloseTo(takenInTonnes.getOrDefault(day, 0.0), offset(0.05));
        assertThat(report.at("/district/machinesBroken").asInt()).isEqualTo(brokenOn(day));
        Api.Reply csv = api.get("/api/v1/reports/daily/" + day + "/export");
        assertThat(csv.text().lines().count()).isEqualTo(report.get("communities").size() + 2L);
        assertThat(api.get("/api/v1/reports/daily/" + day + "/export?format=xlsx&level=fields").header("Content-Type")).isEqualTo(Files.XLSX);
        events.add(day + ": " + report.at("/district/harvestedTodayMu").asDouble() + " mu, " + report.at("/district/percentComplete").asDouble()
                + " % done, " + report.at("/district/fieldsAtRisk").asInt() + " at risk");
    }

    /** The combines broken so far that were available on the day. */
    private int brokenOn(LocalDate day) {
        return (int) broken.stream().map(code -> api.get("/api/v1/machines/code/" + code).json()).filter(m -> {
            JsonNode from = m.get("availableFrom");
            JsonNode until = m.get("availableUntil");
            return (from == null || OffsetDateTime.parse(from.asText()).toLocalDate().isBefore(day.plusDays(1)))
                    && (until == null || !OffsetDateTime.parse(until.asText()).toLocalDate().isBefore(day));
        }).count();
    }

    private JsonNode awaitDraft(String kind) {
        JsonNode disruption = await().atMost(Duration.ofSeconds(60)).until(
                () -> stream(api.get("/api/v1/disruptions?size=1").json().get("items"))
                        .filter(d -> d.get("id").asLong() > lastDisruption && d.get("draftPlanId") != null).findFirst().orElse(null),
                d -> d != null);
        assertThat(disruption.get("kind").asText()).isEqualTo(kind);
        lastDisruption = disruption.get("id").asLong();
        publish(disruption.get("draftPlanId").asLong());
        return disruption;
    }

    private void publish(long revision) {
        assertThat(PlanPolling.awaitFinished(api, revision).get("state").asText()).isEqualTo("SOLVED");
        assertThat(api.post("/api/v1/plans/" + revision + "/publish", "{}").status()).isEqualTo(200);
        plan = revision;
    }

    private boolean allHarvested() {
        return items("/api/v1/fields?size=200").stream().allMatch(f -> HARVESTED.contains(f.get("status").asText()));
    }

    private static boolean pending(JsonNode assignment) {
        return Set.of("PLANNED", "NOTIFIED", "CONFIRMED").contains(assignment.get("status").asText());
    }

    private JsonNode assignment(JsonNode job) {
        return stream(api.get("/api/v1/plans/" + plan + "/assignments?field=" + job.get("fieldCode").asText()).json())
                .filter(a -> a.get("chunkId").asText().equals(job.get("chunkId").asText())).findFirst().orElseThrow();
    }

    private static double half(JsonNode job) {
        return Math.round(job.get("areaMu").asDouble() * 50) / 100.0;
    }

    private Api.Reply post(JsonNode job, String action, Object body) {
        return api.post("/api/v1/plans/" + plan + "/assignments/" + job.get("chunkId").asText().replace("#", "%23") + "/" + action, body);
    }

    private String operatorPhone(String machine) {
        return api.get("/api/v1/machines/code/" + machine).json().get("operatorPhone").asText();
    }

    private void text(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("MessageSid", UUID.randomUUID().toString(), "From", from, "Body", body,
                "AccountSid", FakeTwilio.ACCOUNT, "To", "+15005550006"));
        String encoded = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        assertThat(api.send("POST", INBOUND, HttpRequest.BodyPublishers.ofString(encoded), "application/x-www-form-urlencoded",
                "X-Twilio-Signature", FakeTwilio.sign(PUBLIC + INBOUND, form)).status()).isEqualTo(200);
    }

    private void drainTexts() {
        while (worker.drain() > 0) {
            // until the outbox has nothing due
        }
    }

    /** Every page of a paged list. */
    private List<JsonNode> items(String path) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get(path + "&page=" + page).json();
            body.get("items").forEach(all::add);
            if (all.size() >= body.get("totalItems").asLong()) {
                return all;
            }
        }
    }

    private void at(String time) {
        clock.set(OffsetDateTime.parse(time).toInstant());
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
