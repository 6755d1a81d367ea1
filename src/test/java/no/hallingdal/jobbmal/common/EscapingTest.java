package no.hallingdal.jobbmal.common;

import io.quarkus.test.junit.QuarkusTest;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.support.Accounts;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * User text is always escaped. Users (and, as other features add them, projects and results) are created
 * with hostile names; every page in {@link #pages()} that shows them must show them as text. To cover a
 * new page, add its URL {@link #pages()}.
 */
@QuarkusTest
class EscapingTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String PASSWORD = "escaping-passord-1";

    /** Made once, on first use (RestAssured knows the port only once Quarkus runs). */
    static Map<String, String> sample;

    static synchronized Map<String, String> sample() {
        if (sample == null) {
            Map<String, String> m = new HashMap<>();
            String admin = Accounts.uniqueName("esc-admin");
            Accounts.create(admin, "Admin " + SCRIPT, Role.ADMIN_CODE, PASSWORD);
            m.put("adminSession", Accounts.session(admin, PASSWORD));
            m.put("scriptUser", String.valueOf(Accounts.create(Accounts.uniqueName("esc-script"), SCRIPT, Role.LEAD_CODE, PASSWORD)));
            String imgUser = Accounts.uniqueName("esc-img");
            m.put("imgUser", String.valueOf(Accounts.create(imgUser, IMG, Role.BOARD_CODE, PASSWORD)));
            m.put("imgSession", Accounts.session(imgUser, PASSWORD));
            // a project with a hostile name, and a pending result with a hostile company and evidence
            long project = Accounts.project(SCRIPT);
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                no.hallingdal.jobbmal.project.Project pr = no.hallingdal.jobbmal.project.Project.findById(project);
                pr.municipalities.add(no.hallingdal.jobbmal.municipality.Municipality.findById("3324"));
            });
            m.put("project", String.valueOf(project));
            Map<String, Object> body = new HashMap<>();
            body.put("projectId", project);
            body.put("municipality", "3324");
            body.put("date", "2023-06-01");
            body.put("kind", "NEW_JOBS");
            body.put("amount", 2);
            body.put("companyName", IMG);
            body.put("evidence", SCRIPT);
            m.put("result", String.valueOf(given().auth().preemptive().basic("admin", "test-admin-password-1")
                    .contentType("application/json").body(body).post("/api/v1/results").then().statusCode(201)
                    .extract().jsonPath().getLong("id")));
            sample = m;
        }
        return sample;
    }

    /**
     * The pages that show user text: URL (with {name} placeholders for the ids made in {@link #sample()}) and
     * whose session views it. Add a row for every new page that shows user text.
     */
    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("/", "adminSession"),                     // header: the admin's display name
                Arguments.of("/", "imgSession"),                       // header: the img user's display name
                Arguments.of("/account/password", "imgSession"),
                Arguments.of("/admin/users", "adminSession"),          // users list
                Arguments.of("/admin/users/{scriptUser}", "adminSession"), // edit form (input value)
                Arguments.of("/admin/users/{imgUser}", "adminSession"),
                Arguments.of("/projects", "adminSession"),             // project list
                Arguments.of("/projects/{project}", "imgSession"),     // project page with its results
                Arguments.of("/projects/{project}/edit", "adminSession"),
                Arguments.of("/results", "imgSession"),                // results list (company)
                Arguments.of("/results/{result}", "imgSession"),       // result page and history
                Arguments.of("/results/{result}/edit", "adminSession"),
                Arguments.of("/admin/approvals", "adminSession"),
                Arguments.of("/?sort=name", "imgSession"),             // dashboard project table
                Arguments.of("/municipalities/3324", "imgSession"),
                Arguments.of("/reports/2023", "imgSession"));          // annual report: project and company
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("pages")
    void hostileTextIsShownAsText(String template, String viewer) {
        Map<String, String> data = sample();
        String url = template;
        for (var e : data.entrySet()) {
            url = url.replace("{" + e.getKey() + "}", e.getValue());
        }
        var r = given().cookie("jobbmal-session", data.get(viewer)).get(url);
        assertEquals(200, r.statusCode(), url);
        String html = r.asString();
        assertFalse(html.contains(SCRIPT), "raw script tag on " + url);
        assertFalse(html.contains("<img src=x"), "raw img tag on " + url);
        assertFalse(html.contains("\"><img"), "attribute break-out on " + url);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || html.contains("&lt;img src=x onerror=alert(1)&gt;"),
                "the hostile name is shown, escaped, on " + url);
    }
}
