package no.hallingdal.jobbmal.programme;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import no.hallingdal.jobbmal.history.ChangeEvent;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programme admin page and API. The programme is a single shared row, so every test puts it back
 * to the seeded state afterwards.
 */
@QuarkusTest
class ProgrammeTest {

    @BeforeEach
    @AfterEach
    void restoreSeed() {
        ProgrammeFixtures.restoreSeed();
    }

    private static long version() {
        return given().get("/api/v1/programme").then().statusCode(200).extract().jsonPath().getLong("version");
    }

    private static Map<String, Object> seededForm(long version) {
        Map<String, Object> f = new HashMap<>();
        f.put("version", version);
        f.put("name", "Sats på Hallingdal");
        f.put("region", "Hallingdal");
        f.put("owner", "Regionrådet for Hallingdal");
        f.put("county", "Buskerud fylkeskommune");
        f.put("goal", "200");
        f.put("periodStart", "2022-01-01");
        f.put("periodEnd", "2024-12-31");
        f.put("annualTargets.2022", "66");
        f.put("annualTargets.2023", "67");
        f.put("annualTargets.2024", "67");
        return f;
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void apiReturnsTheSeededProgramme() {
        given().get("/api/v1/programme").then().statusCode(200)
                .contentType("application/json")
                .body("name", equalTo("Sats på Hallingdal"))
                .body("region", equalTo("Hallingdal"))
                .body("owner", equalTo("Regionrådet for Hallingdal"))
                .body("goal", equalTo(200))
                .body("periodStart", equalTo("2022-01-01"))
                .body("periodEnd", equalTo("2024-12-31"))
                .body("annualTargets.year", equalTo(List.of(2022, 2023, 2024)))
                .body("annualTargets.target", equalTo(List.of(66, 67, 67)))
                .body("focusAreaTargets", empty())
                .body("warnings", empty());
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void adminIndexLinksEveryAdminPage() {
        given().get("/admin").then().statusCode(200).contentType("text/html")
                .body(containsString("href=\"/p/sats-pa-hallingdal/admin/programme\""))
                .body(containsString("href=\"/admin/users\""))
                .body(containsString("href=\"/p/sats-pa-hallingdal/admin/approvals\""))
                .body(containsString("href=\"/p/sats-pa-hallingdal/admin/years\""))
                .body(containsString("Til godkjenning"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void pageShowsProgrammeAndTargets() {
        given().get("/admin/programme").then().statusCode(200)
                .body(containsString("value=\"Sats på Hallingdal\""))
                .body(containsString("name=\"annualTargets.2023\""))
                .body(containsString("name=\"focusAreaTargets.innovasjon\""))
                .body(containsString("Bærekraft"))
                .body(not(containsString("alert-warning")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void formSavesTargetsWarnsAndRecordsHistory() {
        Map<String, Object> f = seededForm(version());
        f.put("annualTargets.2023", "80");
        f.put("focusAreaTargets.innovasjon", "50");
        f.put("focusAreaTargets.baerekraft", "");
        Forms.post("/admin/programme", "/admin/programme", f).then().statusCode(303)
                .header("Location", containsString("/admin/programme"));

        given().get("/api/v1/programme").then().statusCode(200)
                .body("annualTargets.target", equalTo(List.of(66, 80, 67)))
                .body("focusAreaTargets.focusArea", equalTo(List.of("innovasjon")))
                .body("focusAreaTargets.target", equalTo(List.of(50)))
                .body("warnings.code", hasItems("annual-targets-sum", "focus-area-targets-sum"));

        given().get("/admin/programme").then().statusCode(200)
                .body(containsString("alert-warning"))
                .body(containsString("Årsmålene summerer til 213, men målet for perioden er 200."))
                .body(containsString("Målene per innsatsområde summerer til 50"))
                .body(containsString("67 → 80"))
                .body(containsString("Mål for innsatsområde – opprettet"));

        // Removing the focus-area target deletes the row and records it.
        Map<String, Object> g = seededForm(version());
        Forms.post("/admin/programme", "/admin/programme", g).then().statusCode(303);
        given().get("/api/v1/programme").then().body("focusAreaTargets", empty());
        List<ChangeEvent> deleted = QuarkusTransaction.requiringNew().call(() -> {
            List<ChangeEvent> l = ChangeEvent.list("entityType = 'focus_area_target' and action = 'deleted'");
            l.forEach(e -> e.fields.size());
            return l;
        });
        assertTrue(deleted.stream().anyMatch(e -> e.fields.stream()
                .anyMatch(x -> x.fieldName.equals("target") && "50".equals(x.oldValue) && x.newValue == null)));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void changingThePeriodAddsAndRemovesYears() {
        Map<String, Object> f = seededForm(version());
        f.put("periodStart", "2023-01-01");
        f.put("periodEnd", "2025-12-31");
        f.put("name", "Sats på Hallingdal forlenget");
        Forms.post("/admin/programme", "/admin/programme", f).then().statusCode(303);
        given().get("/api/v1/programme").then().statusCode(200)
                .body("name", equalTo("Sats på Hallingdal forlenget"))
                .body("annualTargets.year", equalTo(List.of(2023, 2024, 2025)))
                .body("annualTargets.target", equalTo(List.of(67, 67, 0)));
        long created = QuarkusTransaction.requiringNew().call(() ->
                ChangeEvent.count("entityType = 'annual_target' and action = 'created'"));
        long removed = QuarkusTransaction.requiringNew().call(() ->
                ChangeEvent.count("entityType = 'annual_target' and action = 'deleted'"));
        assertTrue(created >= 1 && removed >= 1);
        given().get("/admin/programme").then().body(containsString("Programmet – endret"))
                .body(containsString("Sats på Hallingdal → Sats på Hallingdal forlenget"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badFormInputIsRejectedWithMessagesAndKeptInput() {
        long v = version();
        Map<String, Object> f = seededForm(v);
        f.put("name", "");
        f.put("region", "x".repeat(201));
        f.put("goal", "-5");
        f.put("periodStart", "2024-01-01");
        f.put("periodEnd", "2023-01-01");
        f.put("annualTargets.2022", "tolv");
        f.put("focusAreaTargets.innovasjon", "-1");
        f.put("owner", "Beholdt eier");
        Forms.post("/admin/programme", "/admin/programme", f).then().statusCode(400)
                .body(containsString("error-summary"))
                .body(containsString("id=\"f-goal-error\">Skriv et helt tall større enn 0 (høyst 1000000).</p>"))
                .body(containsString("id=\"f-annualTargets.2022-error\">Skriv et helt tall.</p>"))
                .body(containsString("id=\"f-name-error\""))
                .body(containsString("id=\"f-region-error\""))
                .body(containsString("id=\"f-goal-error\""))
                .body(containsString("id=\"f-periodEnd-error\""))
                .body(containsString("id=\"f-annualTargets.2022-error\""))
                .body(containsString("id=\"f-focusAreaTargets.innovasjon-error\""))
                .body(containsString("value=\"Beholdt eier\""))
                .body(containsString("value=\"tolv\""));
        assertEquals(v, version());
        given().get("/api/v1/programme").then().body("owner", equalTo("Regionrådet for Hallingdal"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void staleFormIsRefusedAndKeepsInput() {
        long v = version();
        Map<String, Object> first = seededForm(v);
        first.put("owner", "Først inne");
        Forms.post("/admin/programme", "/admin/programme", first).then().statusCode(303);
        Map<String, Object> second = seededForm(v);
        second.put("owner", "For sent");
        Forms.post("/admin/programme", "/admin/programme", second).then().statusCode(409)
                .body(containsString("Noen andre har endret programmet"))
                .body(containsString("value=\"For sent\""));
        given().get("/api/v1/programme").then().body("owner", equalTo("Først inne"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void targetOnlyChangeBumpsTheVersion() {
        long v = version();
        Map<String, Object> f = seededForm(v);
        f.put("annualTargets.2022", "70");
        Forms.post("/admin/programme", "/admin/programme", f).then().statusCode(303);
        long after = version();
        assertTrue(after > v, "version should change when only a target changes");
        Map<String, Object> stale = seededForm(v);
        stale.put("annualTargets.2022", "10");
        Forms.post("/admin/programme", "/admin/programme", stale).then().statusCode(409);
        given().get("/api/v1/programme").then().body("annualTargets[0].target", equalTo(70));
    }

    private static Map<String, Object> body(long version) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", "Sats på Hallingdal");
        b.put("region", "Hallingdal");
        b.put("owner", "Regionrådet for Hallingdal");
        b.put("county", "Buskerud fylkeskommune");
        b.put("goal", 200);
        b.put("periodStart", "2022-01-01");
        b.put("periodEnd", "2024-12-31");
        b.put("version", version);
        b.put("annualTargets", List.of(Map.of("year", 2022, "target", 60), Map.of("year", 2023, "target", 70),
                Map.of("year", 2024, "target", 70)));
        b.put("focusAreaTargets", List.of(Map.of("focusArea", "innovasjon", "target", 100),
                Map.of("focusArea", "baerekraft", "target", 100)));
        return b;
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void apiPutUpdatesAndAnswersWithNewVersion() {
        long v = version();
        given().contentType(ContentType.JSON).body(body(v)).put("/api/v1/programme").then().statusCode(200)
                .body("annualTargets.target", equalTo(List.of(60, 70, 70)))
                .body("focusAreaTargets.focusArea", equalTo(List.of("innovasjon", "baerekraft")))
                .body("warnings", empty())
                .body("version", equalTo((int) v + 1));
        // stale
        given().contentType(ContentType.JSON).body(body(v)).put("/api/v1/programme").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void apiPutAcceptsWhatGetReturns() {
        String json = given().get("/api/v1/programme").then().statusCode(200).extract().asString();
        given().contentType(ContentType.JSON).body(json).put("/api/v1/programme").then().statusCode(200);
    }

    // The input rules and their limits are ProgrammeValidationTest's (against the service). Over HTTP each
    // path keeps one bad input (above for the page), and the API the JSON it cannot read.

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void apiRejectsBadInputNamingFields() {
        long v = version();
        Map<String, Object> b = body(v);
        b.put("name", "");
        b.put("goal", 0);
        b.put("periodEnd", "2021-01-01");
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body(b).put("/api/v1/programme").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("name", "goal", "periodEnd")))
                .body("errors.message", equalTo(List.of("Må fylles ut.",
                        "Skriv et helt tall større enn 0 (høyst 1000000).", "Slutt kan ikke være før start.")));
        assertEquals(v, version());
        given().get("/api/v1/programme").then().body("name", equalTo("Sats på Hallingdal")).body("goal", equalTo(200));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void apiRejectsJsonItCannotRead() {
        long v = version();
        Map<String, Object> e = body(v);
        e.put("colour", "blue");
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body(e).put("/api/v1/programme").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("colour")))
                .body("errors.message", equalTo(List.of("Feltet er ukjent eller ugyldig.")));
        Map<String, Object> g = body(v);
        g.put("goal", "mange");
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body(g).put("/api/v1/programme").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("goal")))
                .body("errors.message", equalTo(List.of("Verdien har feil type eller format.")));
        given().contentType(ContentType.JSON).body("{\"name\": ").put("/api/v1/programme").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("").put("/api/v1/programme").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("body")));
        assertEquals(v, version());
    }
}
