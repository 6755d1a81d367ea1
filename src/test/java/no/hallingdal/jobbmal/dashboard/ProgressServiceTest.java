package no.hallingdal.jobbmal.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every figure of the progress service against hand-computed expectations for a known data set, in a
 * database of its own (the profile gives it a separate in-memory H2).
 */
@QuarkusTest
@TestProfile(ProgressServiceTest.OwnDatabase.class)
class ProgressServiceTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.own("progress");
        }
    }

    @Inject
    ProgressService service;

    @Inject
    EntityManager em;

    static final LocalDate MID = LocalDate.of(2023, 7, 2); // 548 of 1096 days

    /** The known data set, written once (the database belongs to this class). */
    @BeforeEach
    void data() {
        boolean loaded = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT COUNT(*) FROM result").getSingleResult()).intValue() > 0);
        if (!loaded) {
            long admin = new no.hallingdal.jobbmal.support.Fixture(em).adminId();
            long p1 = project("Kompetanseløft Gol", "innovasjon", "12.0");
            long p2 = project("Reiselivsløft Hemsedal", "baerekraft", "30.0");
            // approved new jobs: 2022 Gol 10 (w 4, m 6) + 2022 Hemsedal 5.5 + 2023 Gol 0.1 + 2023 Gol 0.2 = 15.8
            result(p1, "3324", "innovasjon", "2022-03-15", "NEW_JOBS", "10.0", "4.0", "6.0", "APPROVED", admin);
            result(p2, "3326", "baerekraft", "2022-11-30", "NEW_JOBS", "5.5", null, null, "APPROVED", admin);
            result(p1, "3324", "innovasjon", "2023-02-01", "NEW_JOBS", "0.1", null, null, "APPROVED", admin);
            result(p1, "3324", "innovasjon", "2023-02-28", "NEW_JOBS", "0.2", null, null, "APPROVED", admin);
            // pending new jobs: 2023 Hemsedal 3 (focus area differs from the project's)
            result(p2, "3326", "innovasjon", "2023-05-10", "NEW_JOBS", "3.0", null, null, "PENDING", admin);
            // never counted: returned, withdrawn
            result(p1, "3324", "innovasjon", "2023-01-10", "NEW_JOBS", "50.0", null, null, "RETURNED", admin);
            result(p1, "3324", "innovasjon", "2023-01-11", "NEW_JOBS", "40.0", null, null, "WITHDRAWN", admin);
            // reported separately, never in the goal
            result(p2, "3326", "baerekraft", "2022-06-01", "SECURED_JOBS", "7.0", null, null, "APPROVED", admin);
            result(p2, "3326", "baerekraft", "2022-06-01", "SECURED_JOBS", "9.0", null, null, "PENDING", admin);
            result(p1, "3324", "innovasjon", "2023-03-01", "NEW_COMPANY", "2.0", null, null, "APPROVED", admin);
        }
    }

    long project(String name, String focusArea, String expected) {
        return new no.hallingdal.jobbmal.support.Fixture(em).project(name, focusArea, expected);
    }

    void result(long project, String municipality, String focusArea, String date, String kind, String amount,
            String women, String men, String status, long by) {
        new no.hallingdal.jobbmal.support.Fixture(em).result(project, municipality, focusArea, date, kind, amount,
                women, men, status, null, null, null);
    }

    Progress at(ProgressFilter filter) {
        return QuarkusTransaction.requiringNew().call(() -> service.progress(filter, Messages.NB, MID));
    }

    @Test
    void wholeProgramme() {
        Progress p = at(no.hallingdal.jobbmal.support.Fixture.progressFilter(null, null, null, null));
        assertEquals(new BigDecimal("200"), p.goal());
        assertEquals(new BigDecimal("15.8"), p.countedNewJobs());
        assertEquals(new BigDecimal("3.0"), p.pendingNewJobs());
        assertEquals(new BigDecimal("7.0"), p.securedJobs());
        assertEquals(new BigDecimal("2.0"), p.newCompanies());
        assertEquals(new BigDecimal("7.9"), p.percentOfGoal());      // 15.8 / 200
        assertEquals(new BigDecimal("50.0"), p.percentOfTime());     // 548 / 1096
        assertEquals(new BigDecimal("31.6"), p.forecastAtEnd());     // 15.8 × 1096 / 548
        assertEquals("behind", p.status());
        assertEquals(new BigDecimal("10.2"), p.requiredPerMonth());  // 184.2 × 30.44 / 548 = 10.23
        assertEquals(new BigDecimal("4.0"), p.women());
        assertEquals(new BigDecimal("6.0"), p.men());
        assertEquals(3, p.byYear().size());
        assertEquals(new BigDecimal("15.5"), p.byYear().get(0).counted());
        assertEquals(new BigDecimal("66"), p.byYear().get(0).target());
        assertEquals(new BigDecimal("0.3"), p.byYear().get(1).counted());
        assertEquals(new BigDecimal("3.0"), p.byYear().get(1).pending());
        assertEquals(36, p.byMonth().size());
        assertEquals("2022-03", p.byMonth().get(2).month());
        assertEquals(new BigDecimal("10.0"), p.byMonth().get(2).counted());
        assertEquals(new BigDecimal("15.8"), p.byMonth().get(35).counted());
        assertEquals(new BigDecimal("3.0"), p.byMonth().get(35).pending());
        assertEquals(new BigDecimal("200.0"), p.byMonth().get(35).target());
        var gol = p.byMunicipality().stream().filter(r -> r.code().equals("3324")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("10.3"), gol.counted());
        var innovation = p.byFocusArea().stream().filter(r -> r.code().equals("innovasjon")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("10.3"), innovation.counted());
        assertEquals(new BigDecimal("3.0"), innovation.pending());
        assertNull(innovation.target());
    }

    @Test
    void projectsCountOnlyApprovedAndPendingNewJobs() {
        // secured jobs (7 approved, 9 pending), a new company, returned (50) and withdrawn (40) count nowhere
        var rows = service.projects(no.hallingdal.jobbmal.support.Fixture.progressFilter(null, null, null, null), java.util.Locale.forLanguageTag("nb-NO"));
        var gol = rows.stream().filter(r -> r.name().equals("Kompetanseløft Gol")).findFirst().orElseThrow();
        var hemsedal = rows.stream().filter(r -> r.name().equals("Reiselivsløft Hemsedal")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("10.3"), gol.counted());
        assertEquals(new BigDecimal("0.0"), gol.pending());
        assertEquals(new BigDecimal("5.5"), hemsedal.counted());
        assertEquals(new BigDecimal("3.0"), hemsedal.pending());
        var in2023 = service.projects(no.hallingdal.jobbmal.support.Fixture.progressFilter(2023, null, null, null), java.util.Locale.forLanguageTag("nb-NO"));
        assertEquals(new BigDecimal("0.3"), in2023.stream().filter(r -> r.name().equals("Kompetanseløft Gol"))
                .findFirst().orElseThrow().counted());
    }

    @Test
    void yearScopeComparesWithTheAnnualTarget() {
        Progress p = at(no.hallingdal.jobbmal.support.Fixture.progressFilter(2022, null, null, null));
        assertEquals(new BigDecimal("66"), p.goal());
        assertEquals(new BigDecimal("15.5"), p.countedNewJobs());
        assertEquals(new BigDecimal("0.0"), p.pendingNewJobs());
        assertEquals(new BigDecimal("100.0"), p.percentOfTime()); // 2022 has ended on MID
        assertEquals(new BigDecimal("15.5"), p.forecastAtEnd());
        assertEquals(new BigDecimal("23.5"), p.percentOfGoal());  // 15.5 / 66 = 23.48
        assertEquals(12, p.byMonth().size());
    }

    @Test
    void municipalityAndFocusAreaFilters() {
        Progress hemsedal = at(no.hallingdal.jobbmal.support.Fixture.progressFilter(null, "3326", null, null));
        assertEquals(new BigDecimal("5.5"), hemsedal.countedNewJobs());
        assertEquals(new BigDecimal("3.0"), hemsedal.pendingNewJobs());
        assertEquals(new BigDecimal("7.0"), hemsedal.securedJobs());
        assertEquals(1, hemsedal.byMunicipality().size());
        Progress innovation = at(no.hallingdal.jobbmal.support.Fixture.progressFilter(null, null, "innovasjon", null));
        assertEquals(new BigDecimal("10.3"), innovation.countedNewJobs());
        assertEquals(new BigDecimal("3.0"), innovation.pendingNewJobs());
        assertEquals(new BigDecimal("2.0"), innovation.newCompanies());
    }

    @Test
    void apiReturnsTheFigures() {
        given().auth().preemptive().basic("admin", "test-admin-password-1")
                .get("/api/v1/progress?year=2022&municipality=3041").then()
                .statusCode(200)
                .body("goal", equalTo(66))
                .body("countedNewJobs", equalTo(10.0f))
                .body("byMunicipality.size()", equalTo(1))
                .body("byMunicipality[0].code", equalTo("3324"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badFiltersAreRefused() {
        given().get("/api/v1/progress?municipality=9999").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("municipality"));
        given().get("/api/v1/progress?year=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().get("/api/v1/progress?focusArea=nope").then().statusCode(400);
        given().get("/api/v1/progress?project=999999").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void dashboardPageShowsTheSameFigures() {
        // the page uses today's date; the counted figures do not depend on it
        given().get("/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("15,8 av 200 nye arbeidsplasser"))
                .body(org.hamcrest.Matchers.containsString("I tillegg venter 3 nye arbeidsplasser"))
                .body(org.hamcrest.Matchers.containsString("id=\"secured-jobs\">7<"))
                .body(org.hamcrest.Matchers.containsString("id=\"new-companies\">2<"))
                .body(org.hamcrest.Matchers.containsString("id=\"cross-total\">15,8<"));
        given().get("/?year=2022&municipality=3041").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("10 av 66 nye arbeidsplasser"));
        given().get("/?municipality=9999").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("Ukjent kommunenummer"));
        given().get("/?sort=pending&dir=asc").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("aria-sort=\"ascending\""));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void annualReport() {
        given().get("/reports").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/reports/2022"))
                .body(org.hamcrest.Matchers.containsString("/reports/2024"));
        given().get("/reports/2022").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Årsrapport 2022 – Sats på Hallingdal"))
                .body(org.hamcrest.Matchers.containsString("id=\"annual-target\">66<"))
                .body(org.hamcrest.Matchers.containsString("id=\"year-counted\">15,5<"))
                .body(org.hamcrest.Matchers.containsString("Kompetanseløft Gol"))
                .body(org.hamcrest.Matchers.containsString("Reiselivsløft Hemsedal"))
                .body(org.hamcrest.Matchers.containsString("id=\"year-open\""))
                .body(org.hamcrest.Matchers.containsString("Laget "));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO year_lock (programme_id, lock_year, locked) VALUES ((SELECT id FROM programme WHERE code ="
                + " 'sats-pa-hallingdal'), 2023, TRUE)").executeUpdate());
        given().get("/reports/2023").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("id=\"year-locked\""))
                .body(org.hamcrest.Matchers.containsString("id=\"year-counted\">0,3<"))
                .body(org.hamcrest.Matchers.containsString("id=\"year-pending\">3<"));
        given().get("/reports/2019").then().statusCode(404);
        given().get("/reports/abc").then().statusCode(404);
        given().cookie("jobbmal-lang", "en").get("/reports/2022").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Annual report 2022"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void municipalityPages() {
        given().get("/municipalities").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/municipalities/3326"));
        given().get("/municipalities/3326").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("5,5 nye arbeidsplasser i Hemsedal"))
                .body(org.hamcrest.Matchers.containsString("Reiselivsløft Hemsedal"));
        given().get("/municipalities/3042").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("i Hemsedal"));
        given().get("/municipalities/0000").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void emptyScopeShowsZerosAndAnInvitation() {
        // Ål (3328) has no results in the data set
        String html = given().get("/?municipality=3328").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("0 av 200 nye arbeidsplasser"))
                .body(org.hamcrest.Matchers.containsString("Ingen resultater er registrert ennå"))
                .body(org.hamcrest.Matchers.containsString("/results/new"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(html.contains("NaN"));
        org.junit.jupiter.api.Assertions.assertFalse(html.contains("Infinity"));
        Progress p = at(no.hallingdal.jobbmal.support.Fixture.progressFilter(null, "3328", null, null));
        assertEquals(new BigDecimal("0.0"), p.countedNewJobs());
        assertEquals(new BigDecimal("0.0"), p.percentOfGoal());
        assertEquals(new BigDecimal("0.0"), p.forecastAtEnd());
        assertNull(p.women());
    }

    @Test
    void projectScopeUsesTheProjectsExpectedJobs() {
        long gol = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT id FROM project WHERE name = 'Kompetanseløft Gol'").getSingleResult()).longValue());
        Progress p = at(no.hallingdal.jobbmal.support.Fixture.progressFilter(null, null, null, gol));
        assertEquals(new BigDecimal("12.0"), p.goal());
        assertEquals(new BigDecimal("10.3"), p.countedNewJobs());      // 10 + 0.1 + 0.2
        assertEquals(new BigDecimal("0.0"), p.pendingNewJobs());
        assertEquals(new BigDecimal("85.8"), p.percentOfGoal());       // 10.3 / 12 = 85.83
        assertEquals(new BigDecimal("20.6"), p.forecastAtEnd());       // 10.3 × 1096 / 548
        assertEquals("on-track", p.status());
        assertEquals(36, p.byMonth().size());
        assertEquals(new BigDecimal("12.0"), p.byMonth().get(35).target()); // even spread of 12
        given().auth().preemptive().basic("admin", "test-admin-password-1")
                .get("/api/v1/progress?project=" + gol).then().statusCode(200)
                .body("countedNewJobs", equalTo(10.3f));
        given().auth().preemptive().basic("admin", "test-admin-password-1")
                .get("/projects/" + gol).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("10,3 av 12 forventede nye arbeidsplasser"))
                .body(org.hamcrest.Matchers.containsString("id=\"chart-cumulative\""));
    }
}
