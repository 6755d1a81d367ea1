package no.hallingdal.jobbmal.county;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county overview in a real browser: a county user of a county with two programmes finds it from the programme
 * chooser, and its chart is drawn with exactly the figures of {@code /api/v1/county/{countyCode}} (percent of goal
 * and of time per programme and period), in both languages, with no console errors (a CSP violation is one).
 */
@QuarkusTest
@Tag("browser")
class CountyBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;

    static final String PASSWORD = "fylke-nettleser-1";

    @SuppressWarnings("unchecked")
    static List<List<Object>> chart(Browser b) {
        return (List<List<Object>>) b.script(
                "return Chart.getChart(document.getElementById('chart-county')).data.datasets.map(d => d.data);");
    }

    static BigDecimal num(Object o) {
        return o == null ? null : new BigDecimal(o.toString()).stripTrailingZeros();
    }

    @Test
    void theChartShowsTheApisFiguresAndTheOverviewIsLinkedFromTheChooser() {
        try (CountyFixtures fx = new CountyFixtures(em)) {
            CountyOverviewTest.Data d = CountyOverviewTest.data(fx);
            String user = CountyFixtures.countyUser("fylke97-nettleser", CountyOverviewTest.COUNTY, PASSWORD);
            JsonPath api = CountyOverviewTest.json(given().auth().preemptive().basic(user, PASSWORD)
                    .get("/api/v1/county/" + CountyOverviewTest.COUNTY).then().statusCode(200).extract().asString());
            List<Map<String, Object>> rows = api.getList("rows");
            assertEquals(4, rows.size());
            try (Browser b = Browser.open(base)) {
                b.login(user, PASSWORD);
                // two programmes: the chooser, which leads to the county overview
                b.get("/programmes");
                b.driver.findElement(By.cssSelector("main a[href='/county']")).click();
                b.waitFor(By.cssSelector("#chart-county[data-drawn='true']"));
                b.assertAccessible();
                assertTrue(b.driver.getCurrentUrl().endsWith("/county/" + CountyOverviewTest.COUNTY),
                        b.driver.getCurrentUrl());
                assertEquals("page", b.driver.findElement(By.cssSelector("header a[href='/county']"))
                        .getAttribute("aria-current"), "the header shows it is the county overview");
                assertChart(b, rows);
                String labels = b.script("return Chart.getChart(document.getElementById('chart-county')).data.labels"
                        + ".join('|');").toString();
                assertTrue(labels.startsWith("Hurum " + fx.run + " – Første periode|"), labels);
                assertTrue(!labels.contains(d.other()) && !labels.contains("Annet fylke"), labels);
                // the data table behind the button, and the text alternative
                b.driver.findElement(By.cssSelector(".chart-toggle")).click();
                assertTrue(b.driver.findElement(By.id("chart-county-table")).isDisplayed(), "data table shown");
                b.assertAccessible();
                b.screenshot("county-overview");
                // a row's link opens that programme's dashboard on that period
                b.driver.findElement(By.cssSelector("#county-table a[href='/p/" + d.hurum() + "/?period=2']")).click();
                b.waitFor(By.id("headline-title"));
                assertTrue(b.driver.getCurrentUrl().endsWith("/p/" + d.hurum() + "/?period=2"));
                // in English
                b.get("/lang/en?return=/county/" + CountyOverviewTest.COUNTY);
                b.waitFor(By.cssSelector("#chart-county[data-drawn='true']"));
                assertEquals("en", b.driver.findElement(By.tagName("html")).getAttribute("lang"));
                assertChart(b, rows);
                assertEquals(List.of(), b.consoleErrors());
            }
        }
    }

    static void assertChart(Browser b, List<Map<String, Object>> rows) {
        List<List<Object>> drawn = chart(b);
        assertEquals(2, drawn.size());
        assertEquals(rows.size(), drawn.get(0).size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(num(rows.get(i).get("percentOfGoal")), num(drawn.get(0).get(i)), "percent of goal " + i);
            assertEquals(num(rows.get(i).get("percentOfTime")), num(drawn.get(1).get(i)), "percent of time " + i);
        }
    }
}
