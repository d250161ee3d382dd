package harvest.board;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import harvest.testing.SettableClock;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's board in a real browser (Debian's headless Chromium), run as the demo district's storm morning:
 * sign in, load the ledgers (a bad file first), plan and watch it solve, publish, read the map and the timeline,
 * follow a job to done, report another's combine broken and publish the draft that follows, do the same when rain
 * is forecast over published work, preview a broadcast, read the evening report; then in English, on a tablet, and
 * as a viewer who may only look. Each screen is saved under target/board-screenshots/storm-day.
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardBrowserTest extends DatabaseTest {
    private static final Duration SOLVING = Duration.ofSeconds(90);

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    SettableClock clock;

    private Browser browser;
    private final List<String> errors = new ArrayList<>();

    /** A failed step leaves its screen behind, and what the page said, to look at. */
    @RegisterExtension
    final TestWatcher keepFailedScreen = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
                cause.addSuppressed(new AssertionError("the page showed: " + browser.script("return document.body.innerText")));
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    @Override
    protected Map<String, String> extraProperties() {
        // Drafts follow a disruption within a second or two; every plan the test makes solves in a few seconds.
        return Map.of("harvest.dispatch.draft-interval", "1s", "harvest.planning.default-time-limit", "PT4S");
    }

    @BeforeAll
    void openBrowser() throws Exception {
        clock.set(OffsetDateTime.parse("2023-05-28T06:30:00+08:00").toInstant());
        browser = new Browser("storm-day", 1366, 768);
    }

    @AfterEach
    void collectConsoleErrors(TestInfo test) {
        browser.consoleErrors().forEach(error -> errors.add(test.getDisplayName() + ": " + error));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private void go(String view) {
        browser.find("nav a[data-view='" + view + "']").click();
        browser.find("main h2");
    }

    @Test
    @Order(1)
    void a_dispatcher_signs_in_and_a_wrong_password_is_named() throws IOException {
        browser.open(url("/board"));
        browser.find("form.sign-in input[name=username]").sendKeys("test-admin");
        browser.find("form.sign-in input[name=password]").sendKeys("not the password");
        browser.find("form.sign-in button[type=submit]").click();
        assertThat(browser.find("form.sign-in .problem").getText()).isNotBlank();
        browser.screenshot("01-sign-in");

        WebElement password = browser.find("form.sign-in input[name=password]");
        password.clear();
        password.sendKeys("test admin passphrase");
        browser.find("form.sign-in button[type=submit]").click();
        assertThat(browser.find("#who").getText()).isEqualTo("test-admin");
        assertThat(browser.find("#day").getAttribute("value")).isEqualTo("2023-05-28");
    }

    @Test
    @Order(2)
    void ledgers_are_tried_first_and_a_bad_cell_is_shown_in_a_table() throws IOException {
        go("ledgers");
        new Select(browser.find("select[name=ledger]")).selectByValue("communities");
        Path bad = write("communities.csv", "code,name,street,lat,lon\nX1,新社区,魏北街道,95,113.8\n");
        browser.find("input[type=file]").sendKeys(bad.toString());
        browser.withText("button", "试导入").click();
        WebElement row = browser.find("tr.bad");
        assertThat(row.getText()).contains("社区").contains("2").contains("lat");
        assertThat(browser.find("main .problem").getText()).contains("nothing was written");
        browser.screenshot("02-ledgers-bad-cell");

        new Select(browser.find("select[name=ledger]")).selectByValue("bundle");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> ledger : Files.demoDistrict().entrySet()) {
            files.add(write(ledger.getKey(), new String(ledger.getValue(), StandardCharsets.UTF_8)).toString());
        }
        browser.find("input[type=file]").sendKeys(String.join("\n", files));
        browser.withText("button", "试导入").click();
        browser.withText("caption", "试导入通过");
        assertThat(browser.all("tbody tr")).hasSize(7);
        browser.withText("button", "提交导入").click();
        browser.withText("caption", "已导入");
        browser.screenshot("03-ledgers-committed");
        assertThat(api.get("/api/v1/fields?size=1").json().get("totalItems").asInt()).isEqualTo(667);
    }

    @Test
    @Order(3)
    void a_plan_is_asked_for_watched_while_it_solves_and_published() throws Exception {
        // The forecast arrives from the weather service, not from the dispatcher.
        assertThat(api.post("/api/v1/weather/forecasts", new String(Files.demoForecast(), StandardCharsets.UTF_8)).status()).isEqualTo(201);
        go("plans");
        browser.set(browser.find("input[name=firstDay]"), "2023-05-28");
        browser.set(browser.find("input[name=days]"), "12");
        browser.set(browser.find("input[name=timeLimitSeconds]"), "8");
        browser.withText("form button[type=submit]", "开始规划").click();

        browser.find(".plan-detail .badge.SOLVING");
        String first = browser.until(d -> {
            String text = browser.find(".live-figures").getText();
            return text.contains("¥") ? text : null;
        });
        browser.screenshot("04-plan-solving");
        String later = browser.until(d -> {
            String text = browser.find(".live-figures").getText();
            return text.equals(first) ? null : text;
        });
        assertThat(later).isNotEqualTo(first);

        browser.until(SOLVING, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".plan-detail .badge.SOLVED")));
        assertThat(browser.find(".outcome .summary").getText()).contains("rule of thumb");
        assertThat(browser.all(".outcome .cards .figure")).hasSize(5);
        browser.screenshot("05-plan-outcome");
        browser.withText(".plan-detail button", "发布").click();
        browser.find(".plan-detail .badge.PUBLISHED");
    }

    @Test
    @Order(4)
    void the_map_shows_fields_routes_sites_and_aid_stations() throws IOException {
        go("map");
        browser.find(".leaflet-container");
        browser.until(d -> browser.all(".site-icon").size() == 13 ? true : null);
        assertThat(browser.all(".aid-icon")).hasSize(6);
        assertThat(browser.all(".legend table:nth-of-type(2) tbody tr")).hasSizeGreaterThan(5);
        browser.screenshot("06-map");
        assertThat(browser.unlabelledControls()).isEmpty();
    }

    @Test
    @Order(5)
    void the_timeline_shows_combines_jobs_and_rain_and_a_job_opens_with_its_texts() throws IOException {
        go("timeline");
        browser.find(".timeline .bar");
        assertThat(browser.all(".timeline .band.WET")).isNotEmpty();
        browser.screenshot("07-timeline");
        WebElement bar = browser.all(".timeline .bar").getFirst();
        String chunk = bar.getAttribute("data-chunk");
        bar.click();
        browser.withText("dialog[open] caption", "相关短信");
        assertThat(browser.find("dialog[open] h3").getText()).contains(chunk);
        browser.screenshot("08-job-details");
        browser.withText("dialog[open] button", "关闭").click();

        WebElement field = browser.find("input[type=search]");
        field.sendKeys(chunk.replaceAll("#.*", ""));
        browser.withText("form.toolbar button", "查看").click();
        browser.withText(".timeline p", "计划");
        browser.find(".timeline .bar");
        browser.screenshot("09-field-timeline");
    }

    @Test
    @Order(6)
    void the_day_board_follows_a_job_to_done_and_a_breakdown_brings_a_draft_whose_changes_are_published() throws IOException {
        go("day");
        String finished = start(0);
        WebElement working = card(finished, "IN_PROGRESS");
        browser.set(working.findElement(By.cssSelector("form.inline input")), "5");
        working.findElement(By.xpath(".//button[contains(., '报进度')]")).click();
        browser.until(d -> card(finished, "IN_PROGRESS").getText().contains("已收 5.0 亩") ? true : null);
        card(finished, "IN_PROGRESS").findElement(By.xpath(".//button[contains(., '完成')]")).click();
        card(finished, "DONE");

        String broken = start(0);
        card(broken, "IN_PROGRESS").findElement(By.xpath(".//button[contains(., '故障')]")).click();
        card(broken, "FAILED");
        browser.withText(".day-side table td", "故障");
        WebElement draft = awaitDraftLink("故障");
        browser.screenshot("10-day-breakdown");
        draft.click();
        browser.until(SOLVING, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".plan-detail .badge.SOLVED")));
        WebElement diff = browser.find(".diff");
        assertThat(diff.getText()).contains("换机").contains("不变");
        assertThat(browser.all(".diff tbody tr")).isNotEmpty();
        browser.screenshot("11-draft-diff");
        browser.withText(".plan-detail button", "发布").click();
        browser.find(".plan-detail .badge.PUBLISHED");
    }

    @Test
    @Order(7)
    void rain_over_published_work_brings_a_draft_that_is_published_from_the_desk() throws IOException {
        // The weather service issues a wetter forecast: rain over every community from ten in the morning.
        Set<String> communities = java.util.stream.StreamSupport.stream(api.get("/api/v1/communities?size=100").json().get("items").spliterator(), false)
                .map(c -> c.get("code").asText()).collect(java.util.stream.Collectors.toSet());
        assertThat(api.post("/api/v1/weather/forecasts", Files.wetterForecast("2023-05-28T06:45:00+08:00", communities,
                List.of("2023-05-28T1", "2023-05-28T2"))).status()).isEqualTo(201);
        go("day");
        WebElement draft = awaitDraftLink("降雨");
        browser.screenshot("12-day-rain");
        draft.click();
        browser.until(SOLVING, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".plan-detail .badge.SOLVED")));
        assertThat(browser.find(".diff").getText()).contains("改时");
        browser.withText(".plan-detail button", "发布").click();
        browser.find(".plan-detail .badge.PUBLISHED");
    }

    /** The newest disruption of this kind once its draft is ready (the desk reads itself again while one is coming). */
    private WebElement awaitDraftLink(String kind) {
        return browser.until(SOLVING, d -> d.findElements(By.cssSelector(".day-side tbody tr")).stream()
                .filter(row -> row.getText().contains(kind))
                .findFirst()
                .flatMap(row -> row.findElements(By.xpath(".//a[contains(., '看调整方案')]")).stream().findFirst())
                .orElse(null));
    }

    /** Starts the day's {@code index}-th job not yet started (planned, or texted to its operator); its chunk id. */
    private String start(int index) {
        WebElement planned = browser.until(d -> {
            List<WebElement> cards = d.findElements(By.cssSelector(".job-card.status-PLANNED, .job-card.status-NOTIFIED"));
            return cards.size() > index ? cards.get(index) : null;
        });
        String chunk = planned.getAttribute("data-chunk");
        planned.findElement(By.xpath(".//button[contains(., '开工')]")).click();
        card(chunk, "IN_PROGRESS");
        return chunk;
    }

    private WebElement card(String chunk, String status) {
        return browser.until(d -> d.findElements(By.cssSelector(".job-card.status-" + status)).stream()
                .filter(c -> chunk.equals(c.getAttribute("data-chunk"))).findFirst().orElse(null));
    }

    @Test
    @Order(8)
    void a_broadcast_is_previewed_before_it_can_be_sent() throws IOException {
        go("day");
        new Select(browser.find("select[name=audience]")).selectByValue("COMMUNITY");
        new Select(browser.find("select[name=community]")).selectByValue("BL-01");
        browser.find("textarea[name=body]").sendKeys("今晚有雨，已收的麦子请盖好，明早六点接着收。");
        WebElement send = browser.withText(".broadcast button", "发送");
        assertThat(send.isEnabled()).isFalse();
        browser.withText(".broadcast button", "预览").click();
        WebElement preview = browser.find(".broadcast dl.preview");
        assertThat(preview.getText()).contains("UCS-2").contains("USD");
        assertThat(send.isEnabled()).isTrue();
        browser.script("document.querySelector('.broadcast').scrollIntoView()");
        browser.screenshot("13-broadcast-preview");
    }

    @Test
    @Order(9)
    void the_report_draws_its_charts() throws IOException {
        go("report");
        browser.until(d -> browser.all(".chart canvas").size() >= 3 ? true : null);
        assertThat(browser.find(".cards").getText()).contains("%").doesNotContain("0.0 / 7,611");
        browser.screenshot("14-report");
        assertThat(browser.unlabelledControls()).isEmpty();
    }

    @Test
    @Order(10)
    void the_board_reads_in_english_and_every_control_takes_the_keyboard_focus() throws IOException {
        browser.find("#lang").click();
        browser.withText("nav a", "Map");
        go("plans");
        browser.withText(".plan-detail button, .plan-detail h3", "Plan #");
        browser.screenshot("15-plans-english");
        assertThat(browser.tabThrough(25)).hasSizeGreaterThan(15).noneMatch(control -> control.contains("no focus ring"));
        browser.find("#lang").click();
        browser.withText("nav a", "地图");
    }

    @Test
    @Order(11)
    void a_tablet_sees_the_whole_day_without_scrolling_sideways() throws IOException {
        browser.resize(1024, 768);
        go("day");
        browser.find(".lane");
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        browser.screenshot("16-day-tablet");
        browser.resize(1366, 768);
    }

    @Test
    @Order(12)
    void a_viewer_may_look_but_not_plan_or_publish() throws IOException {
        api.staff("VIEWER");
        browser.find("#sign-out").click();
        browser.signIn(url(""), "viewer-user", "correct horse battery staple VIEWER");
        go("plans");
        browser.find(".plan-detail h3");
        assertThat(browser.all("input[name=firstDay]")).isEmpty();
        assertThat(browser.all(".plan-detail button.primary")).isEmpty();
        go("day");
        browser.find(".lane");
        assertThat(browser.all(".job-card .actions")).isEmpty();
        assertThat(browser.all(".broadcast")).isEmpty();
    }

    @Test
    @Order(13)
    void the_page_logged_no_errors_along_the_way() {
        assertThat(errors).isEmpty();
    }

    private static Path write(String name, String content) throws IOException {
        Path folder = Path.of("target/board-uploads");
        java.nio.file.Files.createDirectories(folder);
        return java.nio.file.Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8).toAbsolutePath();
    }
}
