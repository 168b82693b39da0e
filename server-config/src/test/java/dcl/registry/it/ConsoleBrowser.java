package dcl.registry.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through WebDriver, for tests that use the console as a person would:
 * open pages, fill in forms, click, wait for what appears. Debian's chromium and chromium-driver
 * ({@code DCL_CHROMIUM}, {@code DCL_CHROMEDRIVER}, which {@code bin/ensure-chromium} installs
 * before the integration tests), named explicitly so Selenium Manager never looks for, or
 * downloads, another. The flags of {@link HeadlessChromium}, and a fresh profile per browser,
 * deleted on close.
 */
final class ConsoleBrowser implements AutoCloseable {
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("DCL_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    /**
     * axe-core's script (com.deque.html.axe-core:selenium), read from the test class path the first
     * time a test asks for it.
     */
    private static final class Axe {
        static final String SCRIPT = read();

        private static String read() {
            try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Path profile;
    private final ChromeDriver driver;

    /** What the page logged to the console so far (reading the browser's log empties it). */
    private final List<LogEntry> log = new ArrayList<>();

    ConsoleBrowser() throws IOException {
        profile = Files.createTempDirectory("dcl-console-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(HeadlessChromium.BINARY.toFile());
        options.addArguments(HeadlessChromium.FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            HeadlessChromium.deleteTree(profile);
            throw e;
        }
    }

    /** The WebDriver, for what the helpers here do not cover. */
    ChromeDriver driver() {
        return driver;
    }

    /** Loads the page and waits until its document has loaded (WebDriver's page load strategy). */
    void open(String url) {
        driver.get(url);
    }

    /** The element, once it is on the page and visible; fails after {@code timeout}. */
    WebElement waitFor(By locator, Duration timeout) {
        return new WebDriverWait(driver, timeout)
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Writes what the window shows to {@code png}, creating its folder. */
    void screenshot(Path png) {
        try {
            Path parent = png.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the whole page to {@code png}, not only what the window shows: the window grows to the
     * page's height (at most {@code 4000} pixels) for the shot, then returns to its size.
     */
    void screenshotWholePage(Path png) {
        Dimension window = driver.manage().window().getSize();
        Number page = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        Number inner = (Number) driver.executeScript("return window.innerHeight");
        int chrome = window.getHeight() - inner.intValue();
        driver.manage()
                .window()
                .setSize(
                        new Dimension(window.getWidth(), Math.min(4000, page.intValue() + chrome)));
        try {
            screenshot(png);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /**
     * The page's accessibility violations of WCAG 2.1 A and AA rules with a serious or critical
     * impact, as axe-core finds them in the page as rendered: each as "rule: help (nodes)". The
     * engine is injected by WebDriver, outside the page's Content-Security-Policy, and only for
     * this check.
     */
    List<String> accessibilityViolations() {
        Object result =
                driver.executeAsyncScript(
                        Axe.SCRIPT
                                + "\nconst done = arguments[arguments.length - 1];"
                                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a',"
                                + " 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                                + ".then(r => done(JSON.stringify(r.violations)),"
                                + " e => done(JSON.stringify([{id: 'axe-error', impact:"
                                + " 'critical', help: String(e), nodes: []}])));");
        try (JsonReader reader = Json.createReader(new StringReader(String.valueOf(result)))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(v -> SERIOUS.contains(v.getString("impact", "")))
                    .map(
                            v ->
                                    v.getString("id")
                                            + ": "
                                            + v.getString("help")
                                            + " "
                                            + v
                                                    .getJsonArray("nodes")
                                                    .getValuesAs(JsonObject.class)
                                                    .stream()
                                                    .map(n -> String.valueOf(n.get("target")))
                                                    .toList())
                    .toList();
        }
    }

    /**
     * The errors the pages logged to the browser's console since this browser started: uncaught
     * exceptions, failed loads and Content Security Policy violations, each with its message.
     */
    List<String> consoleErrors() {
        log.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        return log.stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Quits Chromium and its driver, then deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            HeadlessChromium.deleteTree(profile);
        }
    }
}
