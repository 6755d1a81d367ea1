package no.hallingdal.jobbmal.result;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ResultFormTest {

    Project project;

    @BeforeEach
    void setUp() {
        ResultTestData.user(ResultTestData.LEAD, "lead");
        ResultTestData.user(ResultTestData.OTHER_LEAD, "lead");
        ResultTestData.user(ResultTestData.BOARD, "board");
        project = ResultTestData.project("Skjema", List.of("3324", "3328"), ResultTestData.LEAD);
    }

    Map<String, Object> valid() {
        Map<String, Object> m = new HashMap<>();
        m.put("projectId", project.id);
        m.put("municipality", "3324");
        m.put("focusArea", "innovasjon");
        m.put("date", "2024-05-10");
        m.put("kind", "NEW_JOBS");
        m.put("amount", "2,5");
        m.put("companyName", "Gol Trevare AS");
        m.put("evidence", "Bekreftelse fra bedrift");
        return m;
    }

    String formPage() {
        return "/results/new?project=" + project.id;
    }

    long postValid(Map<String, Object> fields) {
        String location = Forms.post(formPage(), "/results", fields).then().statusCode(303)
                .header("Location", matchesPattern(".*/results/\\d+$")).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    @TestSecurity(user = ResultTestData.LEAD, roles = "lead")
    void leadSeesOnlyOwnProjectsAndTheProjectsMunicipalities() {
        Project other = ResultTestData.project("Fremmed", List.of("3320"), ResultTestData.OTHER_LEAD);
        Project second = ResultTestData.project("Eget", List.of("3330"), ResultTestData.LEAD);
        given().get("/results/new").then().statusCode(200).contentType("text/html")
                .body(containsString(project.name)).body(containsString(second.name))
                .body(not(containsString(other.name)))
                .body(containsString("action=\"/p/sats-pa-hallingdal/results/new\""))
                .body(not(containsString("<script>")));
        given().get(formPage()).then().statusCode(200)
                .body(containsString("value=\"3324\""))
                .body(containsString("value=\"3328\""))
                .body(not(containsString("value=\"3320\"")))
                .body(not(containsString("value=\"3330\"")))
                .body(containsString("value=\"innovasjon\" selected"))
                .body(containsString("src=\"/js/result-form.js\""));
        // someone else's project id in the URL is forbidden; an unknown one gives the project choice
        given().get("/results/new?project=" + other.id).then().statusCode(403);
        given().get("/results/new?project=987654321").then().statusCode(200)
                .body(not(containsString("name=\"evidence\"")));
        given().get("/js/result-form.js").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = ResultTestData.LEAD, roles = "lead")
    void leadUsingAnotherProjectIsForbidden() {
        Project other = ResultTestData.project("Fremmed", List.of("3324"), ResultTestData.OTHER_LEAD);
        Map<String, Object> f = valid();
        f.put("projectId", other.id);
        Forms.post(formPage(), "/results", f).then().statusCode(403);
        assertEquals(0, ResultTestData.countResults(other.id));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void registerWithDecimalCommaOrPointShowsResultPageWithHistory() {
        long id = postValid(valid());
        Map<String, Object> f = valid();
        f.put("amount", "1.5");
        f.put("women", "0,5");
        f.put("men", "1");
        f.put("orgNumber", "NO 123 456 785 MVA");
        long id2 = postValid(f);
        given().get("/api/v1/results/" + id).then().body("amount", equalTo(2.5f));
        given().get("/api/v1/results/" + id2).then().body("amount", equalTo(1.5f)).body("women", equalTo(0.5f))
                .body("orgNumber", equalTo("123456785"));
        given().header("Accept-Language", "nb").get("/results/" + id).then().statusCode(200)
                .body(containsString("Venter på godkjenning"))
                .body(containsString("2,5"))
                .body(containsString("Registrert"))
                .body(containsString("Historikk"))
                .body(containsString("action=\"/p/sats-pa-hallingdal/results/" + id + "/approve\""))
                .body(containsString("action=\"/p/sats-pa-hallingdal/results/" + id + "/withdraw\""));
        given().header("Accept-Language", "en").get("/results/" + id).then().statusCode(200)
                .body(containsString("Awaiting approval")).body(containsString("2.5"));
        // the list shows the sum over the filtered set with a decimal comma
        given().header("Accept-Language", "nb").get("/results?project=" + project.id).then().statusCode(200)
                .body(containsString("2 resultater: nye arbeidsplasser 4 årsverk."));
    }

    // The input rules and their limits are ResultValidationTest's (against the service). Over HTTP each form
    // keeps one bad input, for what only the page shows: 400, the form again with the error summary, the
    // message at the field and the user's input kept, and nothing saved; and the text that is not a value.

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badInputOnTheNewFormShowsItAgainWith400AndSavesNothing() {
        Map<String, Object> f = valid();
        f.put("amount", "0,25");
        f.put("companyName", "Beholdt Firmanavn");
        long before = ResultTestData.countResults(project.id);
        Forms.post(formPage(), "/results", f).then().statusCode(400).contentType("text/html")
                .body(containsString("error-summary"))
                .body(containsString("<a href=\"#f-amount\">Bruk høyst én desimal, for eksempel 2,5.</a>"))
                .body(containsString("id=\"f-amount-error\">Bruk høyst én desimal, for eksempel 2,5.</p>"))
                .body(containsString("value=\"0,25\""))
                .body(containsString("value=\"Beholdt Firmanavn\""))
                .body(not(containsString("Exception")));
        assertEquals(before, ResultTestData.countResults(project.id));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badInputOnTheEditFormShowsItAgainWith400AndChangesNothing() {
        long id = postValid(valid());
        Map<String, Object> f = valid();
        f.put("version", "0");
        f.put("companyName", "Beholdt Firmanavn");
        f.put("evidence", "x".repeat(100_000));
        Forms.post("/results/" + id + "/edit", "/results/" + id, f).then().statusCode(400).contentType("text/html")
                .body(containsString("error-summary"))
                .body(containsString("id=\"f-evidence-error\">Dokumentasjonen kan ikke være lengre enn 4000 tegn "
                        + "(du skrev 100000).</p>"))
                .body(containsString("value=\"Beholdt Firmanavn\""))
                .body(containsString("action=\"/p/sats-pa-hallingdal/results/" + id + "\""));
        given().get("/api/v1/results/" + id).then().body("companyName", equalTo("Gol Trevare AS"))
                .body("evidence", equalTo("Bekreftelse fra bedrift")).body("version", equalTo(0));
    }

    /** Text the form cannot read as a value: the message is at the field, and the text is kept. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "amount | abc        | Skriv et tall, for eksempel 12,5.",
        "amount | 1,500      | Skriv tallet uten tusenskille, med desimalkomma: for eksempel 1500 eller 12,5.",
        "date   | 31.02.2023 | Skriv en gyldig dato (dd.mm.åååå)."})
    @TestSecurity(user = "admin", roles = "admin")
    void textThatIsNotAValueIsNamedAtTheField(String field, String text, String message) {
        Map<String, Object> f = valid();
        f.put(field, text);
        long before = ResultTestData.countResults(project.id);
        Forms.post(formPage(), "/results", f).then().statusCode(400).contentType("text/html")
                .body(containsString("id=\"f-" + field + "-error\">" + message + "</p>"))
                .body(containsString("value=\"" + text + "\""));
        assertEquals(before, ResultTestData.countResults(project.id));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void unknownProjectShowsTheProjectChoiceAgain() {
        Map<String, Object> f = valid();
        f.put("projectId", "987654321");
        Forms.post(formPage(), "/results", f).then().statusCode(400).contentType("text/html")
                .body(containsString("Prosjektet 987654321 finnes ikke."))
                .body(containsString(project.name))
                .body(not(containsString("name=\"evidence\"")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void formLargerThanTheHttpLimitIsAClearErrorNotACrash() {
        Map<String, Object> f = valid();
        f.put("evidence", "æ".repeat(200_000));
        long before = ResultTestData.countResults(project.id);
        Forms.post(formPage(), "/results", f).then()
                .statusCode(anyOf(equalTo(400), equalTo(413)))
                .contentType("text/html")
                .body(containsString("for stort"))
                .body(not(containsString("Exception")));
        assertEquals(before, ResultTestData.countResults(project.id));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void approvalsPageApprovesAndReturnsWithReason() {
        long id = postValid(valid());
        given().get("/admin/approvals").then().statusCode(200)
                .body(containsString("Til godkjenning"))
                .body(containsString("/results/" + id + "/approve"));
        given().get("/").then().body(containsString("class=\"badge\""));
        Forms.post("/admin/approvals", "/results/" + id + "/return", Map.of("back", "approvals", "reason", " "))
                .then().statusCode(400).body(containsString("Skriv en begrunnelse"));
        given().get("/api/v1/results/" + id).then().body("status", equalTo("PENDING"));
        Forms.post("/admin/approvals", "/results/" + id + "/approve", Map.of("back", "approvals")).then()
                .statusCode(303).header("Location", containsString("/admin/approvals"));
        given().get("/api/v1/results/" + id).then().body("status", equalTo("APPROVED"));
        // approving twice is an illegal transition: a message on the page, 409
        Forms.post("/results/" + id, "/results/" + id + "/approve", Map.of()).then().statusCode(409)
                .body(containsString("Bare resultater som venter på godkjenning"));
        Forms.post("/results/" + id, "/results/" + id + "/withdraw", Map.of("reason", "Feil bedrift")).then()
                .statusCode(303);
        given().get("/results/" + id).then().body(containsString("Trukket tilbake")).body(containsString("Feil bedrift"))
                .body(containsString("Status: Godkjent → Trukket tilbake"));
        given().get("/results/" + id + "/edit").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void approvingWhatChangedSinceThePageWasOpenedIsRefused() {
        long id = postValid(valid());
        // the approval queue and the result page carry the version they show
        given().get("/admin/approvals").then().statusCode(200).body(containsString("name=\"version\" value=\"0\""));
        given().get("/results/" + id).then().statusCode(200).body(containsString("name=\"version\" value=\"0\""));
        Map<String, Object> f = valid();
        f.put("version", "0");
        f.put("amount", "7");
        Forms.post("/results/" + id + "/edit", "/results/" + id, f).then().statusCode(303);
        // the queue was opened at version 0: the approval of 2,5 must not approve the 7 stored since
        Forms.post("/admin/approvals", "/results/" + id + "/approve", Map.of("back", "approvals", "version", "0"))
                .then().statusCode(409).body(containsString("endret av Administrator"));
        Forms.post("/results/" + id, "/results/" + id + "/return", Map.of("reason", "Feil", "version", "0"))
                .then().statusCode(409).body(containsString("endret av Administrator"));
        Forms.post("/results/" + id, "/results/" + id + "/withdraw", Map.of("reason", "Feil", "version", "0"))
                .then().statusCode(409).body(containsString("endret av Administrator"));
        Forms.post("/results/" + id, "/results/" + id + "/approve", Map.of("version", "abc")).then().statusCode(400)
                .body(not(containsString("Exception")));
        given().get("/api/v1/results/" + id).then().body("status", equalTo("PENDING")).body("amount", equalTo(7.0f))
                .body("version", equalTo(1));
        Forms.post("/results/" + id, "/results/" + id + "/approve", Map.of("version", "1")).then().statusCode(303);
        given().get("/api/v1/results/" + id).then().body("status", equalTo("APPROVED")).body("version", equalTo(2));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void staleEditIsRefusedNamingWhoChangedIt() {
        long id = postValid(valid());
        String editPage = "/results/" + id + "/edit";
        given().get(editPage).then().statusCode(200).body(containsString("name=\"version\" value=\"0\""))
                .body(containsString("value=\"2,5\""));
        Map<String, Object> f = valid();
        f.put("version", "0");
        f.put("amount", "3");
        Forms.post(editPage, "/results/" + id, f).then().statusCode(303);
        f.put("amount", "4");
        Forms.post(editPage, "/results/" + id, f).then().statusCode(409)
                .body(containsString("endret av Administrator"));
        given().get("/api/v1/results/" + id).then().body("amount", equalTo(3.0f)).body("version", equalTo(1));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void doubleCountIsShownAfterRedirectAndMarkedInTheList() {
        Project other = ResultTestData.project("Annen", List.of("3324"));
        String org = ResultTestData.orgNumber();
        given().contentType(ContentType.JSON).body(Map.of("projectId", other.id, "municipality", "3324",
                "date", "2024-02-01", "kind", "NEW_JOBS", "amount", 1, "orgNumber", org, "evidence", "e-post"))
                .post("/api/v1/results").then().statusCode(201);
        Map<String, Object> f = valid();
        f.put("orgNumber", org);
        var response = Forms.post(formPage(), "/results", f);
        response.then().statusCode(303);
        String flash = response.getCookie("jobbmal-flash");
        String location = response.header("Location");
        given().cookie("jobbmal-flash", flash).get(location).then().statusCode(200)
                .body(containsString("dobbelttelling"))
                .body(containsString(other.name));
        given().get("/results?project=" + project.id).then().body(containsString("Mulig dobbelttelling"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void projectResultsShowApprovedAndPendingNewJobsAgainstExpected() {
        long a = postValid(valid());
        Map<String, Object> f = valid();
        f.put("amount", "4");
        postValid(f);
        f.put("kind", "SECURED_JOBS");
        f.put("amount", "7");
        postValid(f);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/results/" + a + "/approve").then()
                .statusCode(200);
        given().header("Accept-Language", "nb").get("/results/projects/" + project.id).then().statusCode(200)
                .body(containsString("2,5 av 20 forventede nye arbeidsplasser er godkjent; 4 venter på godkjenning"))
                .body(containsString("Sikrede arbeidsplasser"))
                .body(containsString("href=\"/p/sats-pa-hallingdal/results/new?project=" + project.id + "\""));
        given().get("/results/projects/987654321").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void yearLockPageListsProgrammeYears() {
        given().get("/admin/years").then().statusCode(200)
                .body(containsString("2022")).body(containsString("2024"))
                .body(containsString("action=\"/p/sats-pa-hallingdal/admin/years/2023/"));
    }

    @Test
    @TestSecurity(user = ResultTestData.LEAD, roles = "lead")
    void leadCannotReachAdminPages() {
        given().get("/admin/years").then().statusCode(403);
        given().get("/admin/approvals").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = ResultTestData.BOARD, roles = "board")
    void boardReadsButCannotRegister() {
        given().get("/results").then().statusCode(200).body(not(containsString("href=\"/p/sats-pa-hallingdal/results/new\"")));
        given().get("/results/new").then().statusCode(403);
    }
}
