import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/** Logs in to a running Jobbmål and saves screenshots of its main pages (used by scripts/screenshots.sh). */
public class Screenshots {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", "--window-size=1280,1000");
        o.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nb-NO,nb"));
        ChromeDriver d = new ChromeDriver(service, o);
        try {
            d.get(base + "/login");
            d.findElement(By.id("f-j_username")).sendKeys(args.length > 2 ? args[2] : "demo-admin");
            d.findElement(By.id("f-j_password")).sendKeys(args.length > 3 ? args[3] : "demo-passord-1");
            d.findElement(By.cssSelector("form[action='/j_security_check'] button[type=submit]")).click();
            new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            // the demo has two programmes: Sats på Hallingdal's pages, the dashboard on its ended period 1
            String p = base + "/p/sats-pa-hallingdal";
            shoot(d, p + "/?period=1", "#chart-year[data-drawn='true']", out.resolve("dashboard.png"), 1280, 1700);
            shoot(d, p + "/reports/2023", "#chart-cumulative[data-drawn='true']", out.resolve("annual-report.png"), 1280, 1600);
            shoot(d, p + "/results", "main", out.resolve("results.png"), 1280, 1100);
            shoot(d, p + "/results/new?project=1", "main", out.resolve("register.png"), 1280, 1400);
        } finally {
            d.quit();
        }
    }

    static void shoot(ChromeDriver d, String url, String css, Path file, int w, int h) throws Exception {
        d.manage().window().setSize(new org.openqa.selenium.Dimension(w, h));
        d.get(url);
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        Thread.sleep(300);
        File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("saved " + file);
    }
}
