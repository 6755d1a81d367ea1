package no.hallingdal.jobbmal.project;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project pages: list, detail, one form for create and edit, bad input, stale edits, language. */
@QuarkusTest
class ProjectPageTest {

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void createShowsDetailWithEveryField() {
        String name = ProjectFixtures.unique("Kompetanseløft reiseliv Hemsedal");
        String owner = ProjectFixtures.unique("Hemsedal kommune");
        var lead = ProjectFixtures.user("lead");
        Map<String, Object> f = ProjectFixtures.form(name, owner);
        f.put("leads", List.of(String.valueOf(lead.id)));
        var response = Forms.post("/projects/new", "/projects", f);
        response.then().statusCode(303).header("Location", containsString("/projects/"));
        String location = response.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Project p = ProjectFixtures.load(id);
        assertEquals(name, p.name);
        assertEquals(0, new BigDecimal("12.5").compareTo(p.expectedNewJobs));
        assertEquals(1_500_000L, p.grantedFunds);
        assertEquals(2, p.municipalities.size());
        assertTrue(p.isLedBy(lead.id));

        given().cookie("jobbmal-flash", "project.created").get("/projects/" + id).then().statusCode(200)
                .contentType("text/html")
                .body(containsString(name))
                .body(containsString("Kompetanse og rekruttering"))
                .body(containsString("Gol (3324)"))
                .body(containsString("Hemsedal (3326)"))
                .body(containsString(owner))
                .body(containsString(lead.displayName))
                .body(containsString("01.03.2023"))
                .body(containsString("31.12.2024"))
                .body(containsString("12,5"))
                .body(containsString("kr 1\u00a0500\u00a0000"))
                .body(containsString("Hovedprosjekt"))
                .body(containsString("Aktiv"))
                .body(containsString("<section id=\"project-results\">"))
                .body(containsString("href=\"/p/sats-pa-hallingdal/results/new?project=" + id + "\""))
                .body(containsString("Registrer resultat"))
                .body(containsString("href=\"/p/sats-pa-hallingdal/projects/" + id + "/edit\""));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void editFormIsPrefilledAndSaves() {
        String name = ProjectFixtures.unique("Grønn omstilling Ål");
        long id = ProjectFixtures.project(name, "baerekraft", List.of("3328"), "planned", "forstudie", "4", null);
        given().get("/projects/" + id + "/edit").then().statusCode(200)
                .body(containsString("value=\"" + name + "\""))
                .body(containsString("value=\"3328\" checked"))
                .body(containsString("<option value=\"baerekraft\" selected"))
                .body(containsString("name=\"version\" value=\"0\""));
        Map<String, Object> f = ProjectFixtures.form(name + " endret", "Ål kommune");
        f.put("version", "0");
        f.put("status", "completed");
        Forms.post("/projects/" + id + "/edit", "/projects/" + id, f).then().statusCode(303)
                .header("Location", containsString("/projects/" + id));
        Project p = ProjectFixtures.load(id);
        assertEquals(name + " endret", p.name);
        assertEquals(ProjectStatus.COMPLETED, p.status);
        assertEquals(1, p.version);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void staleEditIsRefusedAndKeepsInput() {
        String name = ProjectFixtures.unique("Bredbånd Flå");
        long id = ProjectFixtures.project(name, "samferdsel-kommunikasjon", List.of("3320"), "active", "forprosjekt",
                "3", null);
        Map<String, Object> first = ProjectFixtures.form(name + " først", "Flå kommune");
        first.put("version", "0");
        Forms.post("/projects/" + id + "/edit", "/projects/" + id, first).then().statusCode(303);
        Map<String, Object> second = ProjectFixtures.form(name + " for sent", "Flå kommune");
        second.put("version", "0");
        Forms.post("/projects/" + id + "/edit", "/projects/" + id, second).then().statusCode(409)
                .contentType("text/html")
                .body(containsString("Noen andre har endret prosjektet"))
                .body(containsString("value=\"" + name + " for sent\""));
        assertEquals(name + " først", ProjectFixtures.load(id).name);
    }

    // The input rules and their limits are ProjectValidationTest's (against the service). Over HTTP each form
    // keeps one bad input, for what only the page shows: 400, the form again with the error summary, the
    // message at the field and the user's input kept, and nothing saved or changed; and text that is not a value.

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badCreateFormIsShownAgainWith400AndSavesNothing() {
        String name = ProjectFixtures.unique("Ugyldig prosjekt");
        String owner = ProjectFixtures.unique("Eier");
        Map<String, Object> f = ProjectFixtures.form(name, owner);
        f.put("municipalities", List.of());
        Forms.post("/projects/new", "/projects", f).then().statusCode(400)
                .contentType("text/html")
                .body(containsString("error-summary"))
                .body(containsString("<a href=\"#f-municipalities\">Velg minst én kommune.</a>"))
                .body(containsString("id=\"f-municipalities-error\">Velg minst én kommune.</p>"))
                .body(containsString("value=\"" + name + "\""))
                .body(containsString("value=\"" + owner + "\""))
                .body(containsString("Kurs og rekruttering for reiselivet"))
                .body(not(containsString("Exception")));
        assertEquals(0, ProjectFixtures.countByOwner(owner));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badEditFormIsShownAgainWith400AndChangesNothing() {
        String name = ProjectFixtures.unique("Uendret prosjekt");
        long id = ProjectFixtures.project(name, "innovasjon", List.of("3330"), "active", "hovedprosjekt", "7", null);
        Map<String, Object> f = ProjectFixtures.form(name + " ny", "Hol kommune");
        f.put("version", "0");
        f.put("expectedNewJobs", "1,25");
        Forms.post("/projects/" + id + "/edit", "/projects/" + id, f).then().statusCode(400)
                .contentType("text/html")
                .body(containsString("error-summary"))
                .body(containsString("id=\"f-expectedNewJobs-error\">Bruk høyst én desimal.</p>"))
                .body(containsString("value=\"1,25\""))
                .body(containsString("value=\"" + name + " ny\""));
        Project p = ProjectFixtures.load(id);
        assertEquals(name, p.name);
        assertEquals(0, p.version);
    }

    /** Text the form cannot read as a value: the message is at the field, and the text is kept. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "expectedNewJobs | mange      | Skriv et tall, for eksempel 12,5.",
        "grantedFunds    | 1,5 mill   | Skriv et helt tall.",
        "startDate       | 31.02.2023 | Skriv en gyldig dato (dd.mm.åååå)."})
    @TestSecurity(user = "admin", roles = "admin")
    void textThatIsNotAValueIsNamedAtTheField(String field, String text, String message) {
        String owner = ProjectFixtures.unique("Eier");
        Map<String, Object> f = ProjectFixtures.form(ProjectFixtures.unique("Ulesbart"), owner);
        f.put(field, text);
        Forms.post("/projects/new", "/projects", f).then().statusCode(400)
                .body(containsString("id=\"f-" + field + "-error\">" + message + "</p>"))
                .body(containsString("value=\"" + text + "\""));
        assertEquals(0, ProjectFixtures.countByOwner(owner));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void unknownProjectIs404() {
        given().get("/projects/99999999").then().statusCode(404).contentType("text/html")
                .body(not(containsString("Exception")));
        given().get("/projects/99999999/edit").then().statusCode(404);
        given().get("/projects/abc").then().statusCode(404);
        Forms.post("/projects/new", "/projects/99999999", ProjectFixtures.form("x", "y")).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void listFiltersSortsAndTotals() {
        String tag = ProjectFixtures.unique("Filtertest");
        String a = tag + " A";
        String b = tag + " B";
        String c = tag + " C";
        ProjectFixtures.project(a, "innovasjon", List.of("3320", "3322"), "active", "forstudie", "2.5", null);
        ProjectFixtures.project(b, "innovasjon", List.of("3322"), "active", "hovedprosjekt", "10", null);
        ProjectFixtures.project(c, "kultur-samfunn", List.of("3330"), "stopped", "hovedprosjekt", "20", null);

        String all = given().get("/projects").then().statusCode(200).extract().asString();
        assertTrue(all.contains(a) && all.contains(b) && all.contains(c));

        String nesbyen = given().get("/projects?municipality=3322&focusArea=innovasjon&status=active")
                .then().statusCode(200).extract().asString();
        assertTrue(nesbyen.contains(a) && nesbyen.contains(b) && !nesbyen.contains(c));
        // former code of Nesbyen works too
        String former = given().get("/projects?municipality=3040&focusArea=innovasjon&phase=hovedprosjekt")
                .then().statusCode(200).extract().asString();
        assertTrue(former.contains(b) && !former.contains(a));

        // sorted by expected new jobs, descending: B (10) before A (2.5)
        String sorted = given().get("/projects?municipality=3322&focusArea=innovasjon&status=active&sort=expected&dir=desc")
                .then().statusCode(200)
                .body(containsString("aria-sort=\"descending\""))
                .extract().asString();
        assertTrue(sorted.indexOf(b) < sorted.indexOf(a));
        String asc = given().get("/projects?municipality=3322&focusArea=innovasjon&status=active&sort=expected&dir=asc")
                .then().statusCode(200).extract().asString();
        assertTrue(asc.indexOf(a) < asc.indexOf(b));

        // an unknown sort column falls back to name, never an error
        given().get("/projects?sort=password;drop").then().statusCode(200);
        // an unknown filter code is bad input, not a 500
        given().get("/projects?status=paused").then().statusCode(400).body(not(containsString("Exception")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void listShowsTotalOfListedProjects() {
        String tag = ProjectFixtures.unique("Totaltest");
        var lead = ProjectFixtures.user("lead");
        ProjectFixtures.project(tag + " A", "baerekraft", List.of("3328"), "completed", "forprosjekt", "2.5", lead.id);
        ProjectFixtures.project(tag + " B", "baerekraft", List.of("3328"), "completed", "forprosjekt", "10", lead.id);
        // the service gives the same total the page shows
        var api = given().get("/api/v1/projects?focusArea=baerekraft&municipality=3328&status=completed&phase=forprosjekt")
                .then().statusCode(200).extract().jsonPath();
        BigDecimal expected = api.<Number>getList("expectedNewJobs").stream()
                .map(o -> new BigDecimal(o.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        String total = no.hallingdal.jobbmal.common.Formats.amount(expected, no.hallingdal.jobbmal.common.Messages.NB);
        given().get("/projects?focusArea=baerekraft&municipality=3328&status=completed&phase=forprosjekt")
                .then().statusCode(200)
                .body(containsString("<td class=\"num\" id=\"expected-total\">" + total + "</td>"))
                .body(containsString("12,5"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void englishLabelsThroughTheLanguageSwitch() {
        String name = ProjectFixtures.unique("Attraktiv Gol");
        long id = ProjectFixtures.project(name, "attraktivitet-naeringsliv", List.of("3324"), "active",
                "forprosjekt", "6.5", null);
        given().cookie("jobbmal-lang", "en").get("/projects/" + id).then().statusCode(200)
                .body(containsString("lang=\"en\""))
                .body(containsString("Attractiveness for business"))
                .body(containsString("Expected new jobs"))
                .body(containsString("Pre-project"))
                .body(containsString("Active"))
                .body(containsString("NOK 1,250,000"))
                .body(containsString("6.5"))
                .body(containsString("1 Feb 2023"));
        given().cookie("jobbmal-lang", "en").get("/projects").then().statusCode(200)
                .body(containsString("Total expected new jobs"))
                .body(containsString("Focus area"));
        given().get("/projects/" + id).then().statusCode(200)
                .body(containsString("Forventede nye arbeidsplasser"))
                .body(containsString("kr 1\u00a0250\u00a0000"));
    }
}
