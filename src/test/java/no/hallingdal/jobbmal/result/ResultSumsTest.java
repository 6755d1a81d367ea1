package no.hallingdal.jobbmal.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.dashboard.AnnualReports;
import no.hallingdal.jobbmal.support.Fixture;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures' aggregate (result_sum, {@link ResultSums}) stays equal to the results through every write over HTTP:
 * registration, edit, return, resubmission, approval, edit of an approved result, withdrawal, import and a period's
 * new dates; and the check (API and page) finds and corrects a difference.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ResultSumsTest {

    @Inject
    EntityManager em;

    @Inject
    ResultSums sums;

    long programme;
    long project;

    @BeforeEach
    void project() {
        programme = Fixture.seededProgramme().id;
        project = new Fixture(em).project("Summer " + UUID.randomUUID().toString().substring(0, 8), "innovasjon", "10");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String m : List.of("3324", "3330")) {
                em.createNativeQuery("INSERT INTO project_municipality (project_id, municipality_code) VALUES (?1, ?2)")
                        .setParameter(1, project).setParameter(2, m).executeUpdate();
            }
        });
        assertRight();
    }

    void assertRight() {
        assertEquals(List.of(), sums.differences(programme), "the aggregate differs from the results");
    }

    Map<String, Object> body(String municipality, String date, String amount, String women, String men) {
        Map<String, Object> b = new HashMap<>();
        b.put("projectId", project);
        b.put("municipality", municipality);
        b.put("date", date);
        b.put("kind", "NEW_JOBS");
        b.put("amount", new BigDecimal(amount));
        b.put("women", women == null ? null : new BigDecimal(women));
        b.put("men", men == null ? null : new BigDecimal(men));
        b.put("evidence", "Bekreftelse");
        return b;
    }

    JsonPath send(String method, String path, Map<String, Object> body, int status) {
        var spec = given().contentType(ContentType.JSON).body(body);
        var response = "PUT".equals(method) ? spec.put(path) : spec.post(path);
        return response.then().log().ifValidationFails().statusCode(status).extract().jsonPath();
    }

    BigDecimal counted(String query) {
        return new BigDecimal(given().get("/api/v1/progress?programme=" + Fixture.SEEDED + query).then().statusCode(200)
                .extract().jsonPath().getString("countedNewJobs"));
    }

    @Test
    void everyWriteOfAResultKeepsTheAggregateEqualToTheResults() {
        JsonPath r = send("POST", "/api/v1/results", body("3324", "2023-03-12", "2.5", "1.5", "1.0"), 201);
        long id = r.getLong("id");
        assertRight();
        Map<String, Object> edit = body("3330", "2024-01-05", "3.0", null, null);
        edit.put("version", r.getLong("version"));
        r = send("PUT", "/api/v1/results/" + id, edit, 200);
        assertRight();
        r = send("POST", "/api/v1/results/" + id + "/return", Map.of("reason", "Mangler bekreftelse",
                "version", r.getLong("version")), 200);
        assertEquals("RETURNED", r.getString("status"));
        assertRight();
        Map<String, Object> resubmit = body("3330", "2024-01-05", "3.5", "2.0", "1.5");
        resubmit.put("version", r.getLong("version"));
        r = send("PUT", "/api/v1/results/" + id, resubmit, 200);
        assertEquals("PENDING", r.getString("status"));
        assertRight();
        BigDecimal before = counted("&period=all");
        r = send("POST", "/api/v1/results/" + id + "/approve", Map.of("version", r.getLong("version")), 200);
        assertRight();
        assertEquals(before.add(new BigDecimal("3.5")), counted("&period=all"));
        Map<String, Object> approvedEdit = body("3324", "2023-11-30", "1.5", "0.5", "1.0");
        approvedEdit.put("version", r.getLong("version"));
        approvedEdit.put("reason", "Rettet etter revisjon");
        r = send("PUT", "/api/v1/results/" + id, approvedEdit, 200);
        assertRight();
        assertEquals(before.add(new BigDecimal("1.5")), counted("&period=all"));
        send("POST", "/api/v1/results/" + id + "/withdraw", Map.of("reason", "Feilregistrert",
                "version", r.getLong("version")), 200);
        assertRight();
        assertEquals(before, counted("&period=all"));

        String csv = "\uFEFFproject_id;date;municipality_code;focus_area_code;kind;amount;women;men;company;org_number;"
                + "evidence\r\n{p};2023-03-12;3324;;NEW_JOBS;2,5;1,5;1;;;ok\r\n{p};2022-06-01;3330;;SECURED_JOBS;4;;;;;ok\r\n"
                        .replace("{p}", String.valueOf(project));
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/results/import?fileName=summer.csv&dryRun=false").then().statusCode(200)
                .body("created", equalTo(2));
        assertRight();
    }

    @Test
    void aPeriodsNewDatesMoveItsResultsOutsideAndBack() {
        JsonPath r = send("POST", "/api/v1/results", body("3324", "2024-10-10", "2.0", null, null), 201);
        send("POST", "/api/v1/results/" + r.getLong("id") + "/approve", Map.of(), 200);
        BigDecimal[] before = periodAndOutside();
        String end = endOfFirstPeriod();
        try {
            setEndOfFirstPeriod("2024-06-30");
            assertRight();
            BigDecimal[] shorter = periodAndOutside();
            assertEquals(before[0].add(before[1]), shorter[0].add(shorter[1]), "what leaves the period is outside it");
            assertTrue(shorter[1].subtract(before[1]).compareTo(new BigDecimal("2.0")) >= 0, "this result among it");
        } finally {
            setEndOfFirstPeriod(end);
        }
        assertRight();
        assertEquals(List.of(before[0], before[1]), List.of(periodAndOutside()));
    }

    /** Period 1's counted new jobs, and those counted outside every period. */
    BigDecimal[] periodAndOutside() {
        JsonPath p = given().get("/api/v1/progress?programme=" + Fixture.SEEDED + "&period=1").then().statusCode(200)
                .extract().jsonPath();
        return new BigDecimal[] {new BigDecimal(p.getString("countedNewJobs")),
            new BigDecimal(p.getString("outsidePeriods.countedNewJobs"))};
    }

    String endOfFirstPeriod() {
        return given().get("/api/v1/programmes/" + Fixture.SEEDED).then().statusCode(200).extract().jsonPath()
                .getString("periods[0].end");
    }

    @SuppressWarnings("unchecked")
    void setEndOfFirstPeriod(String end) {
        Map<String, Object> doc = given().get("/api/v1/programmes/" + Fixture.SEEDED).then().statusCode(200).extract()
                .as(Map.class);
        ((List<Map<String, Object>>) doc.get("periods")).get(0).put("end", end);
        given().contentType(ContentType.JSON).body(doc).put("/api/v1/programmes/" + Fixture.SEEDED).then()
                .statusCode(200);
    }

    @Test
    void theCheckFindsADifferenceCorrectsItAndThenFindsNone() {
        send("POST", "/api/v1/results/" + send("POST", "/api/v1/results", body("3324", "2023-05-05", "2.0", null, null),
                201).getLong("id") + "/approve", Map.of(), 200);
        BigDecimal right = counted("&period=all");
        QuarkusTransaction.requiringNew().run(() -> {
            int changed = em.createNativeQuery("UPDATE result_sum SET amount = amount + 5 WHERE project_id = ?1"
                    + " AND status = 'APPROVED' AND kind = 'NEW_JOBS'").setParameter(1, project).executeUpdate();
            assertTrue(changed > 0);
            em.createNativeQuery("UPDATE data_version SET version_number = version_number + 1 WHERE slot = 0")
                    .executeUpdate();
        });
        assertNotEquals(right, counted("&period=all"), "the figures are read from the aggregate");
        assertEquals(1, sums.differences(programme).size());
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/programmes/" + Fixture.SEEDED + "/figures/check").then().statusCode(200)
                .body("programme", equalTo(Fixture.SEEDED)).body("differences", equalTo(1));
        assertEquals(right, counted("&period=all"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/programmes/" + Fixture.SEEDED + "/figures/check").then().statusCode(200)
                .body("differences", equalTo(0));

        given().get("/p/" + Fixture.SEEDED + "/admin/figures").then().statusCode(200)
                .body(containsString("Kontroll av tallgrunnlaget"));
        String flash = Forms.post("/p/" + Fixture.SEEDED + "/admin/figures", "/p/" + Fixture.SEEDED
                + "/admin/figures/check", Map.of()).then().statusCode(303)
                .header("Location", containsString("/p/" + Fixture.SEEDED + "/admin/figures"))
                .extract().cookie(no.hallingdal.jobbmal.common.Flash.COOKIE);
        assertTrue(flash != null && flash.contains("result.figures.flash.right"), flash);
    }

    @Test
    void theAnnualReportListsAProjectsResultsUpToAHundredAndLinksToTheListBeyond() {
        Fixture fixture = new Fixture(em);
        for (int i = 0; i < AnnualReports.LINES_PER_PROJECT; i++) {
            fixture.result(project, "3324", "innovasjon", "2023-0" + (1 + i % 9) + "-1" + (i % 9), "NEW_JOBS", "0.5",
                    null, null, i % 2 == 0 ? "APPROVED" : "PENDING", "Linje " + i, null, null);
        }
        String link = "/results?project=" + project + "&amp;year=2023";
        String report = given().get("/p/" + Fixture.SEEDED + "/reports/2023").then().statusCode(200).extract().asString();
        assertTrue(report.contains("Linje 99"), "a project with 100 results that year has them listed");
        assertTrue(!report.contains(link), "and no link");
        fixture.result(project, "3324", "innovasjon", "2023-12-01", "NEW_JOBS", "0.5", null, null, "APPROVED",
                "Linje 100", null, null);
        report = given().get("/p/" + Fixture.SEEDED + "/reports/2023").then().statusCode(200).extract().asString();
        assertTrue(!report.contains("Linje 99"), "with 101 the lines are left out");
        assertTrue(report.contains(link + "\">101 godkjente og ventende resultater i 2023"), "and linked");
        assertTrue(report.contains("Nye arbeidsplasser: 25,5 godkjent, 25 venter."), "with the project's figures");
    }
}
