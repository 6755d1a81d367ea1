package no.hallingdal.jobbmal.common;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import no.hallingdal.jobbmal.project.ProjectFixtures;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Universal design as a tested property (WCAG 2.1 AA is a legal duty of the public bodies that use Jobbmål):
 * every page, logged out and in, in both languages and with a form's error summary, is opened in Chromium
 * and checked with axe-core ({@link Browser#get}); any WCAG 2.0/2.1 A or AA violation fails.
 */
@QuarkusTest
@Tag("browser")
class AccessibilityBrowserTest {

    @TestHTTPResource("/")
    URL base;

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password-1";
    static final String PASSWORD = "tilgjengelig-passord-1";

    /** A lead with a project in Gol and a pending result there, made through the API. */
    record Data(String lead, long leadId, long project, long result, long deadline) {
    }

    static Data data() {
        String lead = Accounts.uniqueName("a11y-lead");
        long leadId = given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json")
                .body(Map.of("username", lead, "displayName", "Lea Leder", "role", "lead", "active", true,
                        "password", PASSWORD))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> p = ProjectFixtures.json(Accounts.uniqueName("Tilgjengelig prosjekt"), "Eier AS");
        p.put("municipalities", List.of("3324"));
        p.put("leads", List.of(leadId));
        long project = given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json")
                .body(p).post("/api/v1/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        long result = given().auth().preemptive().basic(lead, PASSWORD).contentType("application/json")
                .body(Map.of("projectId", project, "municipality", "3324", "date", "2023-05-02", "kind", "NEW_JOBS",
                        "amount", 2.5, "evidence", "Bekreftelse fra bedrift"))
                .post("/api/v1/results").then().statusCode(201).extract().jsonPath().getLong("id");
        // a deadline: shown on the dashboard and the register page, and its admin page
        long deadline = given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json")
                .body(Map.of("dueDate", java.time.LocalDate.now().plusDays(5).toString(), "title", "Styremøte",
                        "note", "Tallene for kvartalet"))
                .post("/api/v1/programmes/sats-pa-hallingdal/deadlines").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        return new Data(lead, leadId, project, result, deadline);
    }

    @Test
    void everyPageMeetsWcagAaLoggedOutAndIn() {
        Data d = data();
        try (Browser b = Browser.open(base)) {
            b.get("/login");
            b.get("/login?error=true");
            b.get("/finnes-ikke");

            b.login(ADMIN, ADMIN_PASSWORD);
            for (String path : List.of("/", "/?year=2023&municipality=3324", "/results", "/results?status=PENDING",
                    "/results/new", "/results/new?project=" + d.project(), "/results/" + d.result(),
                    "/results/" + d.result() + "/edit", "/results/projects/" + d.project(), "/results/import",
                    "/projects", "/projects/" + d.project(), "/projects/new", "/projects/" + d.project() + "/edit",
                    "/reports", "/reports/2023", "/reports/period/1", "/municipalities", "/municipalities/3324", "/export", "/admin",
                    "/admin/programme", "/admin/approvals", "/admin/years", "/admin/figures", "/admin/users", "/admin/users/new",
                    "/admin/users/" + d.leadId(), "/account/password", "/county", "/county/33")) {
                b.get(path);
            }
            // programme administration and system administration (issue 16)
            for (String path : List.of("/admin/details", "/admin/periods", "/admin/periods/new", "/admin/periods/1",
                    "/admin/focus-areas", "/admin/focus-areas/innovasjon", "/admin/members",
                    "/admin/members/" + d.leadId(), "/admin/history", "/admin/system", "/admin/system/programmes",
                    "/admin/system/programmes/new", "/admin/system/municipalities",
                    "/admin/system/municipalities/3324", "/admin/deadlines", "/admin/deadlines/new",
                    "/admin/deadlines/" + d.deadline(), "/admin/mail")) {
                b.get(path);
            }
            // a refused form: the error summary and the fields' messages
            b.get("/results/new?project=" + d.project());
            b.driver.findElement(By.cssSelector("form.result-form button[type=submit]"))
                    .click();
            b.waitFor(By.id("main"));
            assertTrue(b.driver.getPageSource().contains("aria-invalid=\"true\""), "the form was refused");
            b.assertAccessible();
            // the pages in English
            b.get("/lang/en?return=/");
            b.get("/results/" + d.result());
            b.get("/county/33");
            assertEquals("en", b.driver.findElement(By.tagName("html")).getAttribute("lang"));

            b.driver.manage().deleteAllCookies();
            b.login(d.lead(), PASSWORD);
            b.get("/results/new");
            b.get("/results/" + d.result() + "/edit");
            assertTrue(b.checkedPages() >= 38, "pages checked: " + b.checkedPages());
            // the 404 page and the refused form answer 4xx on purpose; anything else in the console is an error
            assertEquals(List.of(), b.consoleErrors().stream()
                    .filter(e -> !e.contains("the server responded with a status of 40")).toList());
        }
    }
}
