package no.hallingdal.jobbmal.programme;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import no.hallingdal.jobbmal.history.ChangeEvent;
import no.hallingdal.jobbmal.support.Fixture;
import no.hallingdal.jobbmal.support.TestProgrammes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programmes API (docs/api.md, "Programmes"): who sees which programme, creating one (system administrators),
 * changing one (its admin or a system administrator) with optimistic locking, and the 400s naming the field.
 * Each test works on a programme of its own ({@value #CODE}), removed afterwards.
 */
@QuarkusTest
class ProgrammesApiTest {

    static final String CODE = "api-test-numedal";
    static final String NEW = "api-test-ny";
    static final String OTHER_ADMIN = "api-test-other-admin";
    static final String OTHER_BOARD = "api-test-other-board";
    static final String COUNTY_USER = "api-test-county";

    @BeforeEach
    void programme() {
        TestProgrammes.remove(NEW);
        TestProgrammes.remove(CODE);
        TestProgrammes.create(CODE);
        TestProgrammes.member(OTHER_ADMIN, CODE, "admin");
        TestProgrammes.member(OTHER_BOARD, CODE, "board");
        TestProgrammes.member(COUNTY_USER, CODE, "board");
        QuarkusTransaction.requiringNew().run(() -> {
            no.hallingdal.jobbmal.account.User u = no.hallingdal.jobbmal.account.User.findByUsername(COUNTY_USER)
                    .orElseThrow();
            u.memberships.clear();
            u.countyCode = "33";
        });
    }

    @AfterEach
    void remove() {
        TestProgrammes.remove(NEW);
        TestProgrammes.remove(CODE);
    }

    private static Map<String, Object> period(String name, String start, String end, int goal, int... targets) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("start", start);
        p.put("end", end);
        p.put("goal", goal);
        List<Map<String, Object>> annual = new ArrayList<>();
        int year = Integer.parseInt(start.substring(0, 4));
        for (int t : targets) {
            annual.add(Map.of("year", year++, "target", t));
        }
        p.put("annualTargets", annual);
        return p;
    }

    private static Map<String, Object> newProgramme() {
        Map<String, Object> doc = new HashMap<>();
        doc.put("code", NEW);
        doc.put("name", "Omstilling Rollag");
        doc.put("region", "Numedal");
        doc.put("owner", "Rollag kommune");
        doc.put("countyCode", "33");
        doc.put("countyName", "Buskerud fylkeskommune");
        doc.put("municipalities", List.of("3336"));
        doc.put("focusAreas", List.of(Map.of("code", "industri", "nameNb", "Industri", "nameEn", "Industry")));
        doc.put("periods", List.of(period("Periode 1", "2026-01-01", "2028-12-31", 90, 30, 30, 30)));
        return doc;
    }

    private static Map<String, Object> get(String code) {
        return given().get("/api/v1/programmes/" + code).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    @TestSecurity(user = OTHER_BOARD, roles = "board")
    void aMemberSeesTheirProgrammeOnlyAndGets403ForAnother() {
        List<String> codes = given().get("/api/v1/programmes").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().getList("code");
        assertEquals(List.of(CODE), codes, "a board member of one programme sees that one");
        given().get("/api/v1/programmes/" + Fixture.SEEDED).then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/programmes/no-such-programme").then().statusCode(404);
        given().get("/api/v1/programmes/" + CODE).then().statusCode(200)
                .body("name", equalTo("Testprogram " + CODE))
                .body("countyCode", equalTo("33"))
                .body("municipalities", equalTo(List.of("3334", "3336")))
                .body("focusAreas[0].code", equalTo("naering"))
                .body("focusAreas[0].nameEn", equalTo("Business development"))
                .body("periods[0].index", equalTo(1))
                .body("periods[0].start", equalTo("2025-01-01"))
                .body("periods[0].end", equalTo("2027-12-31"))
                .body("periods[0].goal", equalTo(60))
                .body("periods[0].annualTargets.year", equalTo(List.of(2025, 2026, 2027)))
                .body("periods[0].annualTargets.target", equalTo(List.of(20, 20, 20)))
                .body("warnings", equalTo(List.of()));
    }

    @Test
    @TestSecurity(user = COUNTY_USER, roles = "county")
    void aCountyUserSeesEveryProgrammeOfTheirCountyAndChangesNone() {
        given().get("/api/v1/programmes").then().statusCode(200).body("code", hasItems(Fixture.SEEDED, CODE));
        given().get("/api/v1/programmes/" + CODE).then().statusCode(200).body("countyCode", equalTo("33"));
        QuarkusTransaction.requiringNew().run(() -> Programme.findByCode(CODE).orElseThrow().countyCode = "03");
        given().get("/api/v1/programmes").then().statusCode(200).body("code", not(hasItem(CODE)));
        given().get("/api/v1/programmes/" + CODE).then().statusCode(403);
        given().contentType(ContentType.JSON).body(get(Fixture.SEEDED)).put("/api/v1/programmes/" + Fixture.SEEDED)
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = {"admin", "system-admin"})
    void aSystemAdministratorSeesEveryProgrammeAndCreatesOne() {
        given().get("/api/v1/programmes").then().statusCode(200).body("code", hasItems(Fixture.SEEDED, CODE));
        given().contentType(ContentType.JSON).body(newProgramme()).post("/api/v1/programmes").then().statusCode(201)
                .header("Location", endsWith("/api/v1/programmes/" + NEW))
                .body("code", equalTo(NEW))
                .body("municipalities", equalTo(List.of("3336")))
                .body("focusAreas.code", equalTo(List.of("industri")))
                .body("periods[0].annualTargets.target", equalTo(List.of(30, 30, 30)))
                .body("version", equalTo(0));
        Map<String, Object> read = get(NEW);
        assertEquals("Omstilling Rollag", read.get("name"));
        long id = QuarkusTransaction.requiringNew().call(() -> Programme.findByCode(NEW).orElseThrow().id);
        List<String> types = QuarkusTransaction.requiringNew().call(() -> ChangeEvent.<ChangeEvent>list(
                "programmeId", id).stream().map(e -> e.entityType).distinct().sorted().toList());
        assertEquals(List.of("annual_target", "focus_area", "period", "programme"), types,
                "the creation is in the new programme's history");
        // the same code again
        given().contentType(ContentType.JSON).body(newProgramme()).post("/api/v1/programmes").then().statusCode(400)
                .body("errors.field", equalTo(List.of("code")));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"admin", "system-admin"})
    void badProgrammesAre400sNamingTheField() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/programmes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("code", "name", "region", "owner", "countyCode", "countyName", "periods"));

        Map<String, Object> doc = newProgramme();
        doc.put("code", "Ugyldig kode");
        doc.put("countyCode", "3");
        doc.put("municipalities", List.of("3336", "9999"));
        doc.put("focusAreas", List.of(Map.of("code", "a", "nameNb", "A", "nameEn", "A"),
                Map.of("code", "a", "nameNb", "B", "nameEn", "")));
        doc.put("periods", List.of(period("Periode 1", "2026-01-01", "2028-12-31", 0),
                period("Periode 2", "2028-12-31", "2028-01-01", 10),
                period("", "2028-06-01", "2029-12-31", 10)));
        List<String> fields = given().contentType(ContentType.JSON).body(doc).post("/api/v1/programmes").then()
                .statusCode(400).extract().jsonPath().getList("errors.field");
        assertEquals(List.of("code", "countyCode", "municipalities[1]", "focusAreas[1].nameEn", "focusAreas[1].code",
                "periods[0].goal", "periods[1].end", "periods[2].name", "periods[2].start"), fields);

        // a body that is no JSON object, and a date that is no date: 400, never a 500
        given().contentType(ContentType.JSON).body("[1, 2]").post("/api/v1/programmes").then().statusCode(400);
        doc = newProgramme();
        doc.put("periods", List.of(Map.of("name", "P", "start", "1. januar", "end", "2028-12-31", "goal", 5)));
        given().contentType(ContentType.JSON).body(doc).post("/api/v1/programmes").then().statusCode(400);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Programme.findByCode(NEW).isEmpty()), "nothing saved");
    }

    @Test
    @TestSecurity(user = OTHER_ADMIN, roles = "admin")
    void aProgrammeAdminChangesTheirsButCreatesNoneAndTouchesNoOther() {
        given().contentType(ContentType.JSON).body(newProgramme()).post("/api/v1/programmes").then().statusCode(403);
        Map<String, Object> seeded = new HashMap<>(Map.of("name", "Kapret", "version", 0));
        given().contentType(ContentType.JSON).body(seeded).put("/api/v1/programmes/" + Fixture.SEEDED).then()
                .statusCode(403);

        Map<String, Object> doc = get(CODE);
        long version = ((Number) doc.get("version")).longValue();
        doc.put("name", "Omstilling Numedal");
        List<Object> periods = new ArrayList<>((List<?>) doc.get("periods"));
        periods.add(period("Periode 2", "2028-01-01", "2030-12-31", 45, 15, 15, 10));
        doc.put("periods", periods);
        given().contentType(ContentType.JSON).body(doc).put("/api/v1/programmes/" + CODE).then().statusCode(200)
                .body("name", equalTo("Omstilling Numedal"))
                .body("periods.name", equalTo(List.of("Periode 1", "Periode 2")))
                .body("periods[1].index", equalTo(2))
                .body("periods[1].state", equalTo("not-started"))
                .body("warnings.code", equalTo(List.of("annual-targets-sum")))
                .body("warnings[0].period", equalTo(2))
                .body("version", equalTo((int) version + 1));

        // the same document again is stale
        given().contentType(ContentType.JSON).body(doc).put("/api/v1/programmes/" + CODE).then().statusCode(409);
        // a change of the periods only is a new version too
        Map<String, Object> now = get(CODE);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Object o : (List<?>) now.get("periods")) {
            ps.add(new HashMap<>(castMap(o)));
        }
        ps.get(1).put("goal", 40);
        now.put("periods", ps);
        JsonPath after = given().contentType(ContentType.JSON).body(now).put("/api/v1/programmes/" + CODE).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(40, after.getInt("periods[1].goal"));
        assertEquals(((Number) now.get("version")).intValue() + 1, after.getInt("version"));
        assertEquals(List.of(), after.getList("warnings"), "15 + 15 + 10 = 40");
        given().contentType(ContentType.JSON).body(now).put("/api/v1/programmes/" + CODE).then().statusCode(409);
    }

    @Test
    @TestSecurity(user = OTHER_ADMIN, roles = "admin")
    void badChangesAre400sAndSaveNothing() {
        Map<String, Object> doc = get(CODE);
        Map<String, Object> noVersion = new HashMap<>(doc);
        noVersion.remove("version");
        given().contentType(ContentType.JSON).body(noVersion).put("/api/v1/programmes/" + CODE).then().statusCode(400)
                .body("errors.field", equalTo(List.of("version")));

        Map<String, Object> bad = new HashMap<>(doc);
        bad.put("code", "nytt-navn");
        bad.put("periods", List.of());
        bad.put("municipalities", List.of("3301", "0000"));
        given().contentType(ContentType.JSON).body(bad).put("/api/v1/programmes/" + CODE).then().statusCode(400)
                .body("errors.field", equalTo(List.of("code", "municipalities[1]", "periods")));

        Map<String, Object> overlap = new HashMap<>(doc);
        List<Object> periods = new ArrayList<>((List<?>) doc.get("periods"));
        periods.add(period("Periode 2", "2027-12-31", "2029-12-31", 10, 5, 5, 0));
        overlap.put("periods", periods);
        given().contentType(ContentType.JSON).body(overlap).put("/api/v1/programmes/" + CODE).then().statusCode(400)
                .body("errors.field", equalTo(List.of("periods[1].start")))
                .body("errors[0].message", not(equalTo("")));

        Map<String, Object> target = new HashMap<>(doc);
        Map<String, Object> first = new HashMap<>(castMap(((List<?>) doc.get("periods")).get(0)));
        first.put("annualTargets", List.of(Map.of("year", 2025, "target", -1)));
        first.put("focusAreaTargets", List.of(Map.of("focusArea", "ukjent", "target", 5)));
        target.put("periods", List.of(first));
        given().contentType(ContentType.JSON).body(target).put("/api/v1/programmes/" + CODE).then().statusCode(400)
                .body("errors.field", hasItems("periods[0].annualTargets.2025", "periods[0].focusAreaTargets.ukjent"));

        assertEquals(doc.get("version"), get(CODE).get("version"), "nothing saved");
        assertEquals("Testprogram " + CODE, get(CODE).get("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"municipalities\": [null]}",
            "{\"municipalities\": \"3336\"}",
            "{\"focusAreas\": [null, {\"code\": null}]}",
            "{\"periods\": [null]}",
            "{\"periods\": [{\"start\": \"2026-01-01\"}]}",
            "{\"periods\": [{\"name\": \"P\", \"start\": \"2026-01-01\", \"end\": \"2026-12-31\", \"goal\": 5, "
                    + "\"annualTargets\": [null, {\"year\": 2026, \"target\": null}, {\"year\": null, \"target\": 3}], "
                    + "\"focusAreaTargets\": [null, {\"focusArea\": null, \"target\": 1}]}]}",
            "{\"periods\": [{\"goal\": 1e30}]}",
            "{\"periods\": [{\"goal\": \"mange\"}]}",
            "{\"version\": \"ny\"}",
            "{\"colour\": \"blå\"}",
            "null"})
    @TestSecurity(user = "admin", roles = {"admin", "system-admin"})
    void oddBodiesAre400sNever500s(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/programmes").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).put("/api/v1/programmes/" + CODE).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = OTHER_ADMIN, roles = "admin")
    void aFocusAreaOrMunicipalityInUseStays() {
        long projectId = QuarkusTransaction.requiringNew().call(() -> {
            Programme p = Programme.findByCode(CODE).orElseThrow();
            var em = Programme.getEntityManager();
            em.createNativeQuery("INSERT INTO project (name, programme_id, focus_area_id, project_owner, phase, status, "
                    + "start_date, end_date, expected_new_jobs, created_at, updated_at, version) VALUES ('Brukt', ?1, "
                    + "(SELECT id FROM focus_area WHERE programme_id = ?1), 'Eier', 'forprosjekt', 'active', "
                    + "DATE '2025-01-01', DATE '2025-12-31', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)")
                    .setParameter(1, p.id).executeUpdate();
            long id = ((Number) em.createNativeQuery("SELECT MAX(id) FROM project").getSingleResult()).longValue();
            em.createNativeQuery("INSERT INTO project_municipality (project_id, municipality_code) VALUES (?1, '3334')")
                    .setParameter(1, id).executeUpdate();
            return id;
        });
        assertTrue(projectId > 0);
        Map<String, Object> doc = get(CODE);
        doc.put("focusAreas", List.of());
        doc.put("municipalities", List.of("3336"));
        given().contentType(ContentType.JSON).body(doc).put("/api/v1/programmes/" + CODE).then().statusCode(400)
                .body("errors.field", equalTo(List.of("municipalities", "focusAreas")));
        assertEquals(List.of("3334", "3336"), get(CODE).get("municipalities"));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"admin", "system-admin"})
    void theWave1ProgrammeCallKeepsWorkingBesideTheNewOne() {
        TestProgrammes.remove(CODE);
        given().get("/api/v1/programme").then().statusCode(200).body("goal", equalTo(200));
        given().get("/api/v1/programmes").then().statusCode(200).body("code", equalTo(List.of(Fixture.SEEDED)))
                .body("periods[0].goal", equalTo(List.of(200)))
                .body("code", not(hasItem(CODE)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
