package harvest.board;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through its ChromeDriver (installed by .ci/install-browser when missing),
 * with the waits and screenshots the board's tests share. The flags keep it off the closed network.
 */
final class Browser implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target/board-screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path screens;

    /** A browser window of this size whose screenshots go to target/board-screenshots/{@code story}. */
    Browser(String story, int width, int height) throws IOException, InterruptedException {
        installIfMissing();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=zh-CN", "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        driver = new ChromeDriver(service, options);
        screens = Files.createDirectories(SCREENSHOTS.resolve(story));
        // each run leaves only its own screens, failed ones included
        try (Stream<Path> old = Files.list(screens)) {
            for (Path screen : old.toList()) {
                Files.delete(screen);
            }
        }
    }

    private static void installIfMissing() throws IOException, InterruptedException {
        Process install = new ProcessBuilder("bash", ".ci/install-browser").inheritIO().start();
        if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
            throw new IllegalStateException("Chromium is missing and could not be installed (see .ci/install-browser)");
        }
    }

    void open(String url) {
        driver.get(url);
    }

    /** Opens the board at {@code base} and signs in; done once the header names the user. */
    void signIn(String base, String username, String password) {
        open(base + "/board");
        find("form.sign-in input[name=username]").sendKeys(username);
        find("form.sign-in input[name=password]").sendKeys(password);
        find("form.sign-in button[type=submit]").click();
        until(ExpectedConditions.textToBe(By.id("who"), username));
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element matching {@code css} whose text contains {@code text}, once there is one. */
    WebElement withText(String css, String text) {
        return until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
    }

    <T> T until(Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return until(Duration.ofSeconds(20), condition);
    }

    <T> T until(Duration timeout, Function<? super org.openqa.selenium.WebDriver, T> condition) {
        // The page redraws what it shows; an element read just before a redraw is simply looked for again.
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Sets a control's value as a person picking it would (date inputs ignore typed text in some locales). */
    void set(WebElement control, String value) {
        script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", control, value);
    }

    /**
     * What the page wrote to the console as errors since the last call: script errors, refused content (the
     * security policy), files that did not load. The API's refusals the page shows itself (a 401, a 422) are not
     * counted.
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !(message.contains("/api/v1/") && message.contains("Failed to load resource: the server responded with a status of 4")))
                .toList();
    }

    void screenshot(String name) throws IOException {
        Files.write(screens.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Buttons, inputs, selects and links that a screen reader could not name: none is the answer wanted. */
    @SuppressWarnings("unchecked")
    List<String> unlabelledControls() {
        return (List<String>) script("""
                return [...document.querySelectorAll('button, input, select, textarea, a[href]')]
                  .filter(e => e.offsetParent !== null)
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.title && !e.textContent.trim())
                  .map(e => e.outerHTML.slice(0, 120));""");
    }

    /** Presses Tab {@code presses} times; each control that took the focus, and whether its focus ring showed. */
    Set<String> tabThrough(int presses) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < presses; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            seen.add(String.valueOf(script("""
                    const e = document.activeElement;
                    const ring = getComputedStyle(e).outlineStyle !== 'none';
                    return e.tagName + ' ' + (e.textContent || e.name || e.id || '').trim().slice(0, 30) + (ring ? '' : ' (no focus ring)');""")));
        }
        return seen;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
