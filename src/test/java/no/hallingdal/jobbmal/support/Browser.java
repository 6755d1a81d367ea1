package no.hallingdal.jobbmal.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Headless Debian Chromium driven through /usr/bin/chromedriver (never a downloaded browser). When the
 * browser is missing the tests are skipped, except under CI ({@code CI=true}), where that fails the run.
 * Every page it opens ({@link #get}, {@link #login}) is checked with axe-core against WCAG 2.0/2.1 A and AA.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    public final WebDriver driver;
    private final String base;
    private int checkedPages;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public static Browser open(URL base) {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but Chromium/ChromeDriver are missing: install chromium chromium-driver");
            }
            Assumptions.abort("Chromium or ChromeDriver not installed; browser tests skipped");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=1280,2000", "--lang=nb-NO");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "nb-NO,nb"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        String b = base.toString();
        return new Browser(driver, b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    }

    /** The WCAG 2.0 and 2.1 levels A and AA, which every page must pass. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** Opens a page and checks it with axe-core: any WCAG 2.0/2.1 A or AA violation fails the test. */
    public void get(String path) {
        driver.get(base + path);
        assertAccessible();
    }

    /**
     * Runs axe-core (bundled in the test dependency, never fetched) on the page as it is now, after its
     * scripts have run, and fails with every violation: rule, impact, help and the elements.
     */
    public void assertAccessible() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(
                d -> "complete".equals(script("return document.readyState")));
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            StringBuilder sb = new StringBuilder("WCAG violations on " + driver.getCurrentUrl() + ":");
            for (Rule r : violations) {
                sb.append("\n- ").append(r.getId()).append(" (").append(r.getImpact()).append("): ")
                        .append(r.getHelp());
                r.getNodes().forEach(n -> sb.append("\n    ").append(n.getTarget()).append(' ')
                        .append(n.getFailureSummary() == null ? "" : n.getFailureSummary().replace('\n', ' ')));
            }
            throw new AssertionError(sb.toString());
        }
        checkedPages++;
    }

    /** How many pages this browser has checked with axe-core. */
    public int checkedPages() {
        return checkedPages;
    }

    /** Logs in through the login form and waits for the landing page. */
    public void login(String username, String password) {
        get("/login");
        driver.findElement(By.id("f-j_username")).sendKeys(username);
        driver.findElement(By.id("f-j_password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/j_security_check'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        assertAccessible();
    }

    public Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Waits until the browser is on a page whose address contains {@code part} (after a form's navigation). */
    public void waitForUrl(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(part));
    }

    public void waitFor(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Console messages at level SEVERE (errors, CSP violations, failed loads). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path out = dir.resolve(name + ".png");
            File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(f.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
