package no.hallingdal.jobbmal.programme;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.support.WaveOneDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wave-1 database migrated to several programmes with nothing lost (issue 16, "The model"): {@link WaveOneDatabase}
 * fills a database at the wave-1 schema (Flyway target 5) with a programme's worth of data and records its figures by
 * SQL on that schema; then this application starts on it, Flyway migrates it (V7, V9 and later), and the figures, the
 * users' rights, the history and the year locks are compared over HTTP. On H2 in the normal run, on PostgreSQL (a
 * schema of its own) in the {@code -Ppostgresql} run. One application start of its own.
 * <p>
 * The one figure that changes on purpose: wave 1 counted every approved new job whatever its date; now a result counts
 * toward the period containing its date, so the two results dated in 2025, after the old period (2022–2024), are shown
 * in {@code outsidePeriods} and are no longer in {@code countedNewJobs} / {@code pendingNewJobs} or the year rows.
 */
@QuarkusTest
@TestProfile(MigrationFromWaveOneTest.WaveOne.class)
class MigrationFromWaveOneTest {

    public static class WaveOne implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WaveOneDatabase.class));
        }
    }

    /** The wave-1 figures, recorded before the application started (WaveOneDatabase.figures has the keys). */
    Map<String, String> waveOne;

    @Inject
    EntityManager em;

    static final String PASSWORD = WaveOneDatabase.PASSWORD;

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    static JsonPath json(String body) {
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    String before(String key) {
        String v = waveOne.get(key);
        assertTrue(v != null, "no wave-1 figure " + key + " in " + waveOne);
        return v;
    }

    static BigDecimal dec(String v) {
        return new BigDecimal(v).setScale(1);
    }

    static BigDecimal dec(Object v) {
        return v == null ? null : new BigDecimal(v.toString()).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    @Test
    void theProgrammeBecomesSatsPaHallingdalWithOnePeriodOfItsOldGoalAndTargets() {
        JsonPath programmes = json(as("styre.leder").get("/api/v1/programme").then().statusCode(200).extract().asString());
        assertEquals("Sats på Hallingdal", programmes.getString("name"));
        QuarkusTransaction.requiringNew().run(() -> {
            List<Programme> all = Programme.listAll();
            assertEquals(1, all.size(), "one programme");
            Programme p = all.get(0);
            assertEquals("sats-pa-hallingdal", p.code);
            assertEquals("33", p.countyCode);
            assertEquals(6, p.municipalities.size(), "Hallingdal's six municipalities");
            assertEquals(1, p.periods.size());
            Period period = p.periods.get(0);
            assertEquals("Periode 1", period.name);
            assertEquals(before("start"), period.startDate.toString());
            assertEquals(before("end"), period.endDate.toString());
            assertEquals(Integer.parseInt(before("goal")), period.goal);
            for (int year = 2022; year <= 2024; year++) {
                assertEquals(Integer.parseInt(before("year." + year + ".target")), period.annualTarget(year), "target " + year);
            }
            assertEquals(2, period.focusAreaTargets.size());
            assertEquals(6, no.hallingdal.jobbmal.municipality.FocusArea.listFor(p.id).size(), "the six focus areas");
        });
    }

    @Test
    void progressOfPeriodOneEqualsTheWaveOneFigures() {
        for (String query : List.of("", "?period=1", "?programme=sats-pa-hallingdal&period=1")) {
            JsonPath p = json(as("ola.admin").get("/api/v1/progress" + query).then().statusCode(200).extract().asString());
            assertEquals("sats-pa-hallingdal", p.getString("programme"), query);
            assertEquals("1", p.getString("period"), "the period the old programme had: " + query);
            assertEquals("Periode 1", p.getString("periodName"));
            assertEquals(before("start"), p.getString("periodStart"));
            assertEquals(before("end"), p.getString("periodEnd"));
            assertEquals(new BigDecimal(before("goal")), p.getObject("goal", BigDecimal.class));

            // wave 1 counted the results dated after the period too; now they are shown apart
            BigDecimal outsideCounted = dec(before("outside.counted"));
            BigDecimal outsidePending = dec(before("outside.pending"));
            assertTrue(outsideCounted.signum() > 0 && outsidePending.signum() > 0, "the data set has results outside");
            assertEquals(dec(before("counted")).subtract(outsideCounted), dec((Object) p.get("countedNewJobs")), "counted");
            assertEquals(dec(before("pending")).subtract(outsidePending), dec((Object) p.get("pendingNewJobs")), "pending");
            assertEquals(outsideCounted, dec((Object) p.get("outsidePeriods.countedNewJobs")), "outside the period, counted");
            assertEquals(outsidePending, dec((Object) p.get("outsidePeriods.pendingNewJobs")), "outside the period, pending");
            // the results outside are new jobs without a women/men split: the rest is as wave 1 had it
            assertEquals(dec(before("secured")), dec((Object) p.get("securedJobs")), "secured jobs");
            assertEquals(dec(before("companies")), dec((Object) p.get("newCompanies")), "new companies");
            assertEquals(dec(before("women")), dec((Object) p.get("women")), "women");
            assertEquals(dec(before("men")), dec((Object) p.get("men")), "men");

            // the period has ended: reached or not, no pace, the forecast is what was counted
            assertEquals("ended", p.getString("state"));
            assertEquals("not-reached", p.getString("status"));
            assertNull(p.get("requiredPerMonth"));
            assertEquals(dec((Object) p.get("countedNewJobs")), dec((Object) p.get("forecastAtEnd")));

            List<Map<String, Object>> years = p.getList("byYear");
            assertEquals(List.of(2022, 2023, 2024), years.stream().map(y -> ((Number) y.get("year")).intValue()).toList());
            for (Map<String, Object> y : years) {
                int year = ((Number) y.get("year")).intValue();
                assertEquals(new BigDecimal(before("year." + year + ".target")), new BigDecimal(y.get("target").toString()),
                        "target " + year);
                assertEquals(dec(before("year." + year + ".counted")), dec(y.get("counted")), "counted " + year);
                assertEquals(dec(before("year." + year + ".pending")), dec(y.get("pending")), "pending " + year);
            }
            // 2025 was a year of its own in wave 1; now its results are the ones outside the period
            assertEquals(outsideCounted, dec(before("year.2025.counted")));
            assertEquals(outsidePending, dec(before("year.2025.pending")));

            assertEquals(areas("municipality", "counted"), rows(p, "byMunicipality", "counted"), "by municipality");
            assertEquals(areas("municipality", "pending"), rows(p, "byMunicipality", "pending"), "by municipality");
            assertEquals(areas("focusArea", "counted"), rows(p, "byFocusArea", "counted"), "by focus area");
            assertEquals(areas("focusArea", "pending"), rows(p, "byFocusArea", "pending"), "by focus area");
            Map<String, String> targets = new TreeMap<>();
            for (Map<String, Object> r : p.<Map<String, Object>>getList("byFocusArea")) {
                if (r.get("target") != null) {
                    targets.put((String) r.get("code"), new BigDecimal(r.get("target").toString()).toPlainString());
                }
            }
            assertEquals(Map.of("baerekraft", before("focusArea.baerekraft.target"), "kompetanse-rekruttering",
                    before("focusArea.kompetanse-rekruttering.target")), targets, "focus-area targets");
        }
    }

    /** The wave-1 figures of the areas ({@code municipality} or {@code focusArea}) that have any, by code. */
    Map<String, BigDecimal> areas(String kind, String figure) {
        Map<String, BigDecimal> out = new TreeMap<>();
        waveOne.forEach((k, v) -> {
            String[] parts = k.split("\\.");
            if (parts.length == 3 && parts[0].equals(kind) && parts[2].equals(figure) && dec(v).signum() != 0) {
                out.put(parts[1], dec(v));
            }
        });
        return out;
    }

    /** The API's rows with a non-zero figure, by code. */
    static Map<String, BigDecimal> rows(JsonPath p, String list, String figure) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Map<String, Object> r : p.<Map<String, Object>>getList(list)) {
            BigDecimal v = dec(r.get(figure));
            if (v.signum() != 0) {
                out.put((String) r.get("code"), v);
            }
        }
        return out;
    }

    @Test
    void everyUserKeepsTheRightsTheyHad() {
        // the users API in the wave-1 shape: role and the projects a lead leads, as before
        JsonPath users = json(as("ola.admin").get("/api/v1/users").then().statusCode(200).extract().asString());
        for (String name : List.of("ola.admin", "kari.lead", "per.lead", "styre.leder", "fylket", "gammel.styre")) {
            String[] was = before("user." + name).split("\\|");
            Map<String, Object> u = users.getMap("find { it.username == '" + name + "' }");
            assertEquals(was[0], u.get("role"), name + ": role");
            assertEquals(Boolean.parseBoolean(was[1]), u.get("active"), name + ": active");
            assertEquals(Integer.parseInt(was[2]), ((List<?>) u.get("projectIds")).size(), name + ": projects led");
            assertEquals("admin".equals(was[0]), u.get("systemAdmin"), name + ": system administrator (wave-1 admins ran the"
                    + " instance)");
            assertEquals("county".equals(was[0]) ? "33" : null, u.get("countyCode"), name + ": county");
            List<?> memberships = (List<?>) u.get("memberships");
            assertEquals("county".equals(was[0]) ? 0 : 1, memberships.size(), name + ": memberships");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (String lead : List.of("kari.lead", "per.lead")) {
                List<String> projects = no.hallingdal.jobbmal.project.Project.<no.hallingdal.jobbmal.project.Project>list(
                        "select p from Project p join p.leads l where l.username = ?1 order by p.name", lead)
                        .stream().map(p -> p.name).toList();
                assertEquals(before("leads." + lead), String.join("|", projects), lead + " leads the same projects");
            }
        });

        long approved = Long.parseLong(before("result.1.id"));     // Kompetansebyen Gol, approved
        long pending = Long.parseLong(before("result.6.id"));      // Reiseliv Hemsedal og Hol, pending
        long gol = projectId("Kompetansebyen Gol");
        long reiseliv = projectId("Reiseliv Hemsedal og Hol");
        // What each may do, asked without changing the data the other tests compare: an allowed write gets the answer
        // to its input (400 for a body without evidence, 409 for approving an approved result), a refused one 403.
        String noEvidence = "{\"projectId\": %d, \"municipality\": \"3324\", \"date\": \"2024-03-01\", "
                + "\"kind\": \"NEW_JOBS\", \"amount\": 1.0}";

        // admin: approves and manages users
        as("ola.admin").contentType("application/json").body("{}").post("/api/v1/results/" + approved + "/approve")
                .then().statusCode(409);
        as("ola.admin").contentType("application/json").body("{}").post("/api/v1/users").then().statusCode(400);
        as("ola.admin").contentType("application/json").body(noEvidence.formatted(gol)).post("/api/v1/results")
                .then().statusCode(400);
        // lead: registers for their own projects only, approves nothing, manages no users
        as("kari.lead").contentType("application/json").body(noEvidence.formatted(gol)).post("/api/v1/results")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("evidence"));
        as("kari.lead").contentType("application/json").body(noEvidence.formatted(reiseliv)).post("/api/v1/results")
                .then().statusCode(403);
        as("per.lead").contentType("application/json").body(noEvidence.formatted(gol)).post("/api/v1/results")
                .then().statusCode(403);
        as("kari.lead").contentType("application/json").body("{}").post("/api/v1/results/" + pending + "/approve")
                .then().statusCode(403);
        as("kari.lead").get("/api/v1/users").then().statusCode(403);
        as("kari.lead").get("/api/v1/results?status=PENDING").then().statusCode(200);
        // board: reads, and changes nothing
        as("styre.leder").get("/api/v1/progress").then().statusCode(200);
        as("styre.leder").get("/api/v1/results/" + approved + "/history").then().statusCode(200);
        as("styre.leder").contentType("application/json").body(noEvidence.formatted(gol)).post("/api/v1/results")
                .then().statusCode(403);
        as("styre.leder").contentType("application/json").body("{}").post("/api/v1/results/" + pending + "/approve")
                .then().statusCode(403);
        as("styre.leder").get("/api/v1/users").then().statusCode(403);
        // county: reads and exports
        as("fylket").get("/api/v1/progress").then().statusCode(200);
        String csv = as("fylket").get("/export/results.csv?dialect=rfc4180").then().statusCode(200).extract().asString();
        assertEquals(Integer.parseInt(before("results")) + 1, csv.strip().split("\n").length, "every result and a header");
        as("fylket").get("/export/summary.xlsx").then().statusCode(200);
        as("fylket").contentType("application/json").body(noEvidence.formatted(gol)).post("/api/v1/results")
                .then().statusCode(403);
        as("fylket").get("/api/v1/users").then().statusCode(403);
        // the inactive user stays out
        as("gammel.styre").get("/api/v1/progress").then().statusCode(401);
    }

    long projectId(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT id FROM project WHERE name = ?1").setParameter(1, name).getSingleResult()).longValue());
    }

    @Test
    void theHistoryAndTheYearLocksAreThere() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(Long.parseLong(before("history.events")),
                    ((Number) em.createNativeQuery("SELECT COUNT(*) FROM change_event").getSingleResult()).longValue());
            assertEquals(Long.parseLong(before("history.fields")),
                    ((Number) em.createNativeQuery("SELECT COUNT(*) FROM change_field").getSingleResult()).longValue());
            assertEquals(Long.parseLong(before("results")),
                    ((Number) em.createNativeQuery("SELECT COUNT(*) FROM result").getSingleResult()).longValue());
            assertEquals(Long.parseLong(before("projects")),
                    ((Number) em.createNativeQuery("SELECT COUNT(*) FROM project").getSingleResult()).longValue());
            assertEquals(0L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM change_event WHERE programme_id IS NULL"
                    + " OR programme_id <> (SELECT id FROM programme WHERE code = 'sats-pa-hallingdal')")
                    .getSingleResult()).longValue(), "every history entry is the programme's");
        });
        // a returned result (number 10) keeps its reason and who returned it
        long returned = Long.parseLong(before("result.10.id"));
        JsonPath history = json(as("styre.leder").get("/api/v1/results/" + returned + "/history").then().statusCode(200)
                .extract().asString());
        assertEquals(Integer.parseInt(before("result.10.history")), history.getList("").size());
        assertEquals("returned", history.getString("[0].action"));
        assertEquals("Ola Nordmann", history.getString("[0].changedBy"));
        assertEquals("Mangler bekreftelse fra bedriften", history.getString("[0].reason"));
        assertEquals("RETURNED", history.getString("[0].fields.find { it.field == 'status' }.newValue"));
        as("styre.leder").get("/api/v1/results/" + returned).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("RETURNED"))
                .body("statusReason", org.hamcrest.Matchers.equalTo("Mangler bekreftelse fra bedriften"));

        // 2022 is still locked and 2023 open: the lock acts on what the lead may do
        assertEquals("true", before("lock.2022"));
        assertEquals("false", before("lock.2023"));
        QuarkusTransaction.requiringNew().run(() -> {
            List<Object[]> locks = new ArrayList<>();
            for (Object row : em.createNativeQuery("SELECT lock_year, locked FROM year_lock ORDER BY lock_year")
                    .getResultList()) {
                locks.add((Object[]) row);
            }
            assertEquals(2, locks.size());
            assertEquals(2022, ((Number) locks.get(0)[0]).intValue());
            assertEquals(Boolean.TRUE, locks.get(0)[1]);
            assertEquals(Boolean.FALSE, locks.get(1)[1]);
        });
        long gol = projectId("Kompetansebyen Gol");
        String in2022 = "{\"projectId\": " + gol + ", \"municipality\": \"3324\", \"date\": \"2022-05-01\", "
                + "\"kind\": \"NEW_JOBS\", \"amount\": 1.0}";
        String body = as("kari.lead").contentType("application/json").body(in2022).post("/api/v1/results").then()
                .statusCode(400).extract().asString();
        assertTrue(json(body).getList("errors.field").contains("date"), "the locked year refuses the date: " + body);
        String page = as("ola.admin").get("/p/sats-pa-hallingdal/admin/years").then().statusCode(200).extract().asString();
        assertTrue(page.contains("2022"), "the year-lock page lists 2022");
        assertFalse(page.contains("NaN"));
    }
}
