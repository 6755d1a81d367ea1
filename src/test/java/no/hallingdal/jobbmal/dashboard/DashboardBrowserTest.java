package no.hallingdal.jobbmal.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser: logs in, checks that each chart was drawn with exactly the figures
 * of /api/v1/progress, that a filter changes them, that the console has no errors (a CSP violation
 * is one), and saves a screenshot under target/screenshots.
 */
@QuarkusTest
@Tag("browser")
class DashboardBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;

    static final String USER = "admin";
    static final String PASSWORD = "test-admin-password-1";

    void someResults() {
        QuarkusTransaction.requiringNew().run(() -> {
            long admin = ((Number) em.createNativeQuery("SELECT id FROM app_user WHERE username = 'admin'")
                    .getSingleResult()).longValue();
            em.createNativeQuery("""
                    INSERT INTO project (name, programme_id, focus_area_id, project_owner, phase, status, start_date,
                      expected_new_jobs, created_at, updated_at, version)
                    VALUES ('Nettleser-prosjekt', (SELECT id FROM programme WHERE code = 'sats-pa-hallingdal'),
                      (SELECT f.id FROM focus_area f JOIN programme p ON p.id = f.programme_id
                       WHERE p.code = 'sats-pa-hallingdal' AND f.code = 'innovasjon'), 'Eier AS', 'hovedprosjekt',
                      'active', DATE '2022-01-01', 10, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""").executeUpdate();
            long project = ((Number) em.createNativeQuery("SELECT MAX(id) FROM project").getSingleResult()).longValue();
            Object[][] rows = {
                    {"3324", "innovasjon", "2022-04-01", "6.5", "APPROVED"},
                    {"3330", "baerekraft", "2023-02-01", "3.0", "APPROVED"},
                    {"3320", "innovasjon", "2023-09-01", "2.0", "PENDING"}};
            for (Object[] r : rows) {
                em.createNativeQuery("""
                        INSERT INTO result (project_id, programme_id, municipality_code, focus_area_id, result_date,
                          result_year, kind, amount, evidence, status, registered_by, registered_at, updated_at, version)
                        VALUES (?1, (SELECT programme_id FROM project WHERE id = ?1), ?2,
                          (SELECT f.id FROM focus_area f JOIN project p ON p.programme_id = f.programme_id
                           WHERE p.id = ?1 AND f.code = ?3), ?4, ?5, 'NEW_JOBS', ?6, 'bekreftelse', ?7, ?8,
                          CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""")
                        .setParameter(1, project).setParameter(2, r[0]).setParameter(3, r[1])
                        .setParameter(4, LocalDate.parse((String) r[2]))
                        .setParameter(5, LocalDate.parse((String) r[2]).getYear())
                        .setParameter(6, new BigDecimal((String) r[3])).setParameter(7, r[4]).setParameter(8, admin)
                        .executeUpdate();
            }
            no.hallingdal.jobbmal.support.Fixture.dataChanged(em);
        });
    }

    JsonPath api(String query) {
        String body = given().auth().preemptive().basic(USER, PASSWORD).get("/api/v1/progress" + query).then()
                .statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @SuppressWarnings("unchecked")
    List<List<Object>> chart(Browser b, String id) {
        return (List<List<Object>>) b.script(
                "return Chart.getChart(document.getElementById(arguments[0])).data.datasets.map(d => d.data);", id);
    }

    /** Exact value of a number from JSON or from the browser, for comparison to the decimal. */
    static BigDecimal num(Object o) {
        return o == null ? BigDecimal.ZERO : new BigDecimal(o.toString()).stripTrailingZeros();
    }

    void assertChartsMatch(Browser b, JsonPath api) {
        List<Map<String, Object>> years = api.getList("byYear");
        List<List<Object>> yearChart = chart(b, "chart-year");
        assertEquals(years.size(), yearChart.get(0).size());
        for (int i = 0; i < years.size(); i++) {
            assertEquals(num(years.get(i).get("counted")), num(yearChart.get(0).get(i)), "year counted " + i);
            assertEquals(num(years.get(i).get("pending")), num(yearChart.get(1).get(i)), "year pending " + i);
            assertEquals(num(years.get(i).get("target")), num(yearChart.get(2).get(i)), "year target " + i);
        }
        List<Map<String, Object>> months = api.getList("byMonth");
        List<List<Object>> cumulative = chart(b, "chart-cumulative");
        assertEquals(months.size(), cumulative.get(0).size());
        for (int i = 0; i < months.size(); i++) {
            assertEquals(num(months.get(i).get("counted")), num(cumulative.get(0).get(i)), "month counted " + i);
            assertEquals(num(months.get(i).get("counted")).add(num(months.get(i).get("pending"))).stripTrailingZeros(),
                    num(cumulative.get(1).get(i)), "month counted+pending " + i);
            assertEquals(num(months.get(i).get("target")), num(cumulative.get(2).get(i)), "month target " + i);
        }
        for (String[] pair : new String[][] {{"byMunicipality", "chart-municipality"}, {"byFocusArea", "chart-focus"}}) {
            List<Map<String, Object>> rows = api.getList(pair[0]);
            List<List<Object>> drawn = chart(b, pair[1]);
            assertEquals(rows.size(), drawn.get(0).size(), pair[0]);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(num(rows.get(i).get("counted")), num(drawn.get(0).get(i)), pair[0] + " counted " + i);
                assertEquals(num(rows.get(i).get("pending")), num(drawn.get(1).get(i)), pair[0] + " pending " + i);
            }
        }
    }

    @Test
    void chartsShowTheApiFiguresAndFollowFilters() {
        someResults();
        try (Browser b = Browser.open(base)) {
            b.login(USER, PASSWORD);
            b.get("/");
            b.waitFor(By.cssSelector("#chart-year[data-drawn='true']"));
            assertChartsMatch(b, api(""));
            String headline = b.driver.findElement(By.id("headline-title")).getText();
            assertTrue(headline.contains("av 200"), headline);
            b.screenshot("dashboard");

            new Select(b.driver.findElement(By.id("f-year"))).selectByValue("2022");
            new Select(b.driver.findElement(By.id("f-municipality"))).selectByValue("3324");
            b.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            // the old page's charts are drawn too: first the new address, then the new page's charts
            b.waitForUrl("year=2022");
            b.waitFor(By.cssSelector("#chart-year[data-drawn='true']"));
            assertTrue(b.driver.getCurrentUrl().contains("municipality=3324"), b.driver.getCurrentUrl());
            JsonPath filtered = api("?year=2022&municipality=3324");
            assertChartsMatch(b, filtered);
            assertEquals(1, chart(b, "chart-municipality").get(0).size());

            b.get("/reports/2022");
            b.waitFor(By.cssSelector("#chart-cumulative[data-drawn='true']"));
            assertTrue(b.driver.findElement(By.tagName("h1")).getText().startsWith("Årsrapport 2022"));
            b.screenshot("annual-report");

            assertEquals(List.of(), b.consoleErrors());
        }
    }
}
