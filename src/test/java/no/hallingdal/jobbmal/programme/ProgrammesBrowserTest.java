package no.hallingdal.jobbmal.programme;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Browser;
import no.hallingdal.jobbmal.support.Charts;
import no.hallingdal.jobbmal.support.Programmes;
import no.hallingdal.jobbmal.support.SeveralProgrammes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A county user, who follows several programmes, in a real browser (issue 16, "Tests"): the programme chooser, a
 * period switch on the dashboard (the charts redrawn with exactly the API's figures of that period, and of the whole
 * programme); every page checked with axe-core, and no console errors. The programme walked is one of its own in
 * Buskerud, with an ended period and a running one (relative to today).
 * The county user also walks the county overview to each programme's dashboard.
 */
@QuarkusTest
@Tag("browser")
@TestProfile(SeveralProgrammes.class)
class ProgrammesBrowserTest {

    static final String PASSWORD = "nettleser-passord-1";

    @TestHTTPResource("/")
    URL base;

    record World(Programmes.Made programme, String county) {
    }

    static World world;

    /** Programme "Nettleserdal": period 1 ended last year, period 2 runs until the end of next year. */
    static synchronized World world() {
        if (world == null) {
            int year = LocalDate.now(no.hallingdal.jobbmal.common.Formats.ZONE).getYear();
            Programmes.Made p = Programmes.create(Programmes.uniqueCode("nettleserdal"), "Nettleserdal", "33",
                    "Buskerud fylkeskommune", List.of("3334", "3336", "3338"),
                    Map.of("industri", "Industri", "reiseliv", "Reiseliv"),
                    List.of(Programmes.PeriodSpec.of("Periode 1", (year - 4) + "-01-01", (year - 2) + "-12-31", 30,
                                    Map.of(year - 4, 10, year - 3, 10, year - 2, 10)),
                            Programmes.PeriodSpec.of("Periode 2", (year - 1) + "-01-01", (year + 1) + "-12-31", 20,
                                    Map.of(year - 1, 6, year, 7, year + 1, 7))));
            long industry = Programmes.project(p.id(), "Industriløftet", "industri", List.of("3334", "3336"), "25");
            long tourism = Programmes.project(p.id(), "Reiselivsløftet", "reiseliv", List.of("3338"), "15");
            Programmes.result(industry, "3334", (year - 4) + "-05-01", "NEW_JOBS", "8.0", "APPROVED");
            Programmes.result(tourism, "3338", (year - 3) + "-09-15", "NEW_JOBS", "12.5", "APPROVED");
            Programmes.result(industry, "3336", (year - 2) + "-03-01", "NEW_JOBS", "3.0", "PENDING");
            Programmes.result(industry, "3334", (year - 1) + "-02-01", "NEW_JOBS", "4.0", "APPROVED");
            Programmes.result(tourism, "3338", year + "-01-10", "NEW_JOBS", "2.5", "APPROVED");
            Programmes.result(tourism, "3338", year + "-01-20", "NEW_JOBS", "1.5", "PENDING");
            String county = Accounts.uniqueName("nettleser-fylke");
            Programmes.user(county, PASSWORD, Map.of(), "33", false);
            world = new World(p, county);
        }
        return world;
    }

    JsonPath progress(String query) {
        String body = given().auth().preemptive().basic(world().county(), PASSWORD)
                .get("/api/v1/progress?programme=" + world().programme().code() + query).then().statusCode(200)
                .extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** Clicks the link and waits for the next page's charts. */
    static void follow(Browser b, WebElement link, String chart) {
        String from = b.driver.getCurrentUrl();
        link.click();
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().equals(from));
        b.waitFor(By.cssSelector("#" + chart + "[data-drawn='true']"));
        b.assertAccessible();
    }

    @Test
    void aCountyUserChoosesAProgrammeAndSwitchesItsPeriods() {
        World w = world();
        String code = w.programme().code();
        try (Browser b = Browser.open(base)) {
            b.login(w.county(), PASSWORD);
            // several programmes: the landing page is the chooser, with every programme of the county
            assertTrue(b.driver.getCurrentUrl().endsWith("/programmes"), b.driver.getCurrentUrl());
            Set<String> listed = b.driver.findElements(By.cssSelector(".programme-list h2 a")).stream()
                    .map(a -> a.getAttribute("href").replaceAll("^.*/p/([^/]+)/$", "$1")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(countyProgrammes(), listed, "the chooser lists the county's programmes");
            b.screenshot("programme-chooser");

            // the dashboard opens on the running period
            follow(b, b.driver.findElement(By.cssSelector(".programme-list a[href='/p/" + code + "/']")), "chart-year");
            assertEquals("2", current(b), "the running period");
            assertTrue(b.driver.findElement(By.cssSelector("h1")).getText().contains("Nettleserdal"));
            JsonPath running = progress("");
            assertEquals("2", running.getString("period"));
            Charts.assertDashboardShows(b, running);
            assertEquals(new BigDecimal("6.5"), running.getObject("countedNewJobs", BigDecimal.class));
            assertTrue(b.driver.findElement(By.id("headline-title")).getText().contains("6,5 av 20"));

            // switch to the ended period: the charts are redrawn with its figures
            follow(b, b.driver.findElement(By.cssSelector("nav.period-switch a[href='/p/" + code + "/?period=1']")),
                    "chart-year");
            assertEquals("1", current(b));
            JsonPath ended = progress("&period=1");
            assertEquals("not-reached", ended.getString("status"), "20.5 of 30 when it ended");
            Charts.assertDashboardShows(b, ended);
            assertTrue(b.driver.findElement(By.id("headline-title")).getText().contains("20,5 av 30"));
            assertTrue(b.driver.findElement(By.id("required-per-month")).getText().startsWith("–"), "no pace after the end");
            b.screenshot("dashboard-period-1");

            // and to the whole programme
            follow(b, b.driver.findElement(By.cssSelector("nav.period-switch a[href='/p/" + code + "/?period=all']")),
                    "chart-year");
            JsonPath whole = progress("&period=all");
            Charts.assertDashboardShows(b, whole);
            assertTrue(b.driver.findElement(By.id("headline-title")).getText().contains("27 av 50"));

            assertEquals(List.of(), b.consoleErrors());
        }
    }

    /** The period the switch marks as current. */
    static String current(Browser b) {
        return b.driver.findElement(By.cssSelector("nav.period-switch a[aria-current='page']")).getAttribute("href")
                .replaceAll(".*period=", "");
    }

    /** The codes of the programmes of county 33 in the database. */
    static Set<String> countyProgrammes() {
        return QuarkusTransaction.requiringNew().call(() -> Programme.<Programme>list("countyCode", "33").stream()
                .map(p -> p.code).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theCountyOverviewShowsEveryProgrammeOfTheCountyAndLeadsToTheirDashboards() {
        World w = world();
        String code = w.programme().code();
        try (Browser b = Browser.open(base)) {
            b.login(w.county(), PASSWORD);
            b.get("/county");
            b.waitFor(By.cssSelector("#chart-county[data-drawn='true']"));
            assertTrue(b.driver.getCurrentUrl().endsWith("/county/33"), b.driver.getCurrentUrl());
            List<WebElement> rows = b.driver.findElements(By.cssSelector("#county-table tbody tr[data-programme]"));
            Set<String> shown = rows.stream().map(r -> r.getAttribute("data-programme"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(countyProgrammes(), shown, "every programme of the county, and only those");
            // the chart shows, row by row, the percent of goal and of time of /api/v1/progress for that period
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> datasets = (List<Map<String, Object>>) b.script("return Chart.getChart("
                    + "document.getElementById('chart-county')).data.datasets.map(d => ({kind: d.kind, data: d.data}));");
            List<?> ofGoal = (List<?>) datasets.stream().filter(d -> "goal".equals(d.get("kind"))).findFirst()
                    .orElseThrow().get("data");
            assertEquals(rows.size(), ofGoal.size());
            for (int i = 0; i < rows.size(); i++) {
                String programme = rows.get(i).getAttribute("data-programme");
                String period = rows.get(i).getAttribute("data-period");
                JsonPath p = new JsonPath(given().auth().preemptive().basic(w.county(), PASSWORD)
                        .get("/api/v1/progress?programme=" + programme + "&period=" + period).then().statusCode(200)
                        .extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
                assertEquals(Charts.num(p.get("percentOfGoal")), Charts.num(ofGoal.get(i)), programme + " " + period);
            }
            b.screenshot("county-overview");
            // each row leads to that programme's dashboard, on that period
            follow(b, b.driver.findElement(By.cssSelector("#county-table tr[data-programme='" + code
                    + "'][data-period='1'] a")), "chart-year");
            assertEquals("1", current(b));
            Charts.assertDashboardShows(b, progress("&period=1"));
            assertEquals(List.of(), b.consoleErrors());
        }
    }
}
