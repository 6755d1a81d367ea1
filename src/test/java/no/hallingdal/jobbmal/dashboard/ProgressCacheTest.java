package no.hallingdal.jobbmal.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.project.ProjectFixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cached figures (common.DataVersion, common.VersionedCache) never outlive the data: every kind of write
 * bumps the data version in its own transaction, a refused write does not, and the progress API, the
 * dashboard and the results list show a write in the very next request.
 */
@QuarkusTest
class ProgressCacheTest {

    private static final String PASSWORD = "test-admin-password-1";

    @Inject
    DataVersion dataVersion;

    @Inject
    ProgressService service;

    @Inject
    EntityManager em;

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", PASSWORD).contentType(ContentType.JSON);
    }

    /** The committed version, read straight from the table. */
    private long version() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT SUM(version_number) FROM data_version").getSingleResult()).longValue());
    }

    /** A project in Ål with 10 expected new jobs over the programme period. */
    private static Map<String, Object> project(String name) {
        Map<String, Object> b = ProjectFixtures.json(name, "Ål kommune");
        b.put("focusArea", "innovasjon");
        b.put("municipalities", List.of("3328"));
        b.put("startDate", "2022-01-01");
        b.put("expectedNewJobs", 10);
        return b;
    }

    private static long createProject(String name) {
        return admin().body(project(name)).post("/api/v1/projects").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static long register(long project, String amount) {
        return admin().body(Map.of("projectId", project, "municipality", "3328", "date", "2023-06-01",
                "kind", "NEW_JOBS", "amount", amount, "evidence", "Bekreftelse"))
                .post("/api/v1/results").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void everyWriteBumpsTheVersionAndARefusedOneDoesNot() {
        long v0 = version();
        String name = "Buffer " + UUID.randomUUID().toString().substring(0, 8);
        long project = createProject(name);
        long v1 = version();
        assertTrue(v1 > v0, "creating a project");

        long result = register(project, "1.5");
        long v2 = version();
        assertTrue(v2 > v1, "registering a result");

        admin().body(Map.of("projectId", project, "municipality", "3328", "date", "2023-06-01",
                "kind", "NEW_JOBS", "amount", -1, "evidence", "Bekreftelse"))
                .post("/api/v1/results").then().statusCode(400);
        assertEquals(v2, version(), "a refused registration changes nothing");

        admin().body(Map.of()).post("/api/v1/results/" + result + "/approve").then().statusCode(200);
        long v3 = version();
        assertTrue(v3 > v2, "approving");
        admin().body(Map.of()).post("/api/v1/results/" + result + "/approve").then().statusCode(409);
        assertEquals(v3, version(), "a refused approval changes nothing");

        admin().body(Map.of("reason", "Feilregistrert")).post("/api/v1/results/" + result + "/withdraw").then()
                .statusCode(200);
        long v4 = version();
        assertTrue(v4 > v3, "withdrawing");

        Map<String, Object> changed = project(name + " endret");
        changed.put("version", 0);
        admin().body(changed).put("/api/v1/projects/" + project).then().statusCode(200);
        assertTrue(version() > v4, "changing a project");
    }

    @Test
    void progressDashboardAndResultsListShowAWriteInTheNextRequest() {
        String name = "Straks " + UUID.randomUUID().toString().substring(0, 8);
        long project = createProject(name);
        String row = "<a href=\"/p/sats-pa-hallingdal/projects/" + project + "\">" + name + "</a></th><td class=\"num\">10</td>";

        for (int i = 0; i < 2; i++) { // the second answer comes from the cache
            admin().get("/api/v1/progress?project=" + project).then().statusCode(200)
                    .body("countedNewJobs", equalTo(0.0f)).body("pendingNewJobs", equalTo(0.0f));
            admin().get("/?sort=name").then().statusCode(200)
                    .body(containsString(row + "<td class=\"num\">0</td><td class=\"num\">0</td>"));
        }

        long result = register(project, "2.5");
        admin().get("/api/v1/progress?project=" + project).then()
                .body("countedNewJobs", equalTo(0.0f)).body("pendingNewJobs", equalTo(2.5f));
        admin().get("/api/v1/results?project=" + project).then().body("total", equalTo(1));

        admin().body(Map.of()).post("/api/v1/results/" + result + "/approve").then().statusCode(200);
        admin().get("/api/v1/progress?project=" + project).then()
                .body("countedNewJobs", equalTo(2.5f)).body("pendingNewJobs", equalTo(0.0f));
        admin().get("/?sort=name").then().statusCode(200)
                .body(containsString(row + "<td class=\"num\">2,5</td><td class=\"num\">0</td>"));

        register(project, "1");
        admin().get("/api/v1/results?project=" + project).then().body("total", equalTo(2))
                .body("sumAmount", equalTo(3.5f));
    }

    @Test
    void aWriteByAnotherInstanceShowsInTheNextRequest() {
        String name = "Annen instans " + UUID.randomUUID().toString().substring(0, 8);
        long project = createProject(name);
        for (int i = 0; i < 2; i++) {
            admin().get("/api/v1/progress?project=" + project).then().body("pendingNewJobs", equalTo(0.0f));
        }
        // what another instance's write leaves in the shared database: the row and a raised version,
        // and nothing in this instance's memory
        new no.hallingdal.jobbmal.support.Fixture(em).result(project, "3328", "innovasjon", "2023-06-01", "NEW_JOBS",
                "3.5", null, null, "PENDING", null, null, null);
        admin().get("/api/v1/progress?project=" + project).then().body("pendingNewJobs", equalTo(3.5f));
        admin().get("/api/v1/results?project=" + project).then().body("total", equalTo(1));
    }

    @Test
    void oneVersionServesTheSameFiguresAndAWriteReplacesThem() {
        long project = createProject("Samme " + UUID.randomUUID().toString().substring(0, 8));
        ProgressFilter filter = no.hallingdal.jobbmal.support.Fixture.progressFilter(null, null, null, project);
        LocalDate day = LocalDate.of(2023, 7, 1);
        Progress first = QuarkusTransaction.requiringNew().call(() -> service.progress(filter, Messages.NB, day));
        Progress again = QuarkusTransaction.requiringNew().call(() -> service.progress(filter, Messages.NB, day));
        assertSame(first, again);

        register(project, "4");
        Progress after = QuarkusTransaction.requiringNew().call(() -> service.progress(filter, Messages.NB, day));
        assertNotSame(first, after);
        assertEquals("4.0", after.pendingNewJobs().toPlainString());
        assertEquals("0.0", first.pendingNewJobs().toPlainString());
    }

    @Test
    void aTransactionThatWroteNeverCachesWhatItReads() {
        long before = version();
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(dataVersion.current() >= before);
            dataVersion.bump();
            dataVersion.bump(); // once per transaction
            assertEquals(DataVersion.UNCOMMITTED, dataVersion.current());
        });
        assertEquals(before + 1, version());

        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            dataVersion.bump();
            throw new IllegalStateException("the write fails after the bump");
        }));
        assertEquals(before + 1, version(), "a rolled-back write leaves the version as it was");
    }

    @Test
    void aProgrammeChangeShowsAtOnce() {
        try {
            admin().get("/api/v1/progress").then().body("goal", equalTo(200));
            admin().body(programme(250)).put("/api/v1/programme").then().statusCode(200);
            admin().get("/api/v1/progress").then().body("goal", equalTo(250));
            admin().get("/").then().body(containsString("250"));
        } finally {
            admin().body(programme(200)).put("/api/v1/programme").then().statusCode(200);
        }
        admin().get("/api/v1/progress").then().body("goal", equalTo(200));
    }

    private static Map<String, Object> programme(int goal) {
        long version = admin().get("/api/v1/programme").then().statusCode(200).extract().jsonPath().getLong("version");
        Map<String, Object> b = new HashMap<>();
        b.put("name", "Sats på Hallingdal");
        b.put("region", "Hallingdal");
        b.put("owner", "Regionrådet for Hallingdal");
        b.put("county", "Buskerud fylkeskommune (Viken fylkeskommune til 31.12.2023)");
        b.put("goal", goal);
        b.put("periodStart", "2022-01-01");
        b.put("periodEnd", "2024-12-31");
        b.put("version", version);
        b.put("annualTargets", List.of(Map.of("year", 2022, "target", 66), Map.of("year", 2023, "target", 67),
                Map.of("year", 2024, "target", 67)));
        b.put("focusAreaTargets", List.of());
        return b;
    }
}
