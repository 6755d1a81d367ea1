package no.hallingdal.jobbmal.programme;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import no.hallingdal.jobbmal.account.Membership;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.support.Fixture;
import no.hallingdal.jobbmal.support.Forms;
import no.hallingdal.jobbmal.support.TestProgrammes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system administration: programmes (list, create; never deleted), the reference municipalities (add,
 * rename) and users with their memberships in several programmes (pages and API).
 */
@QuarkusTest
class SystemAdminPagesTest {

    static final String CODE = "system-test-rollag";
    static final String NEW = "system-test-ny";
    static final String MUNICIPALITY = "9901";
    static final String USER = "system-test-user";
    static final String API_USER = "system-test-api-user";
    static final String ADMIN_ELSEWHERE = "system-test-admin-elsewhere";

    @BeforeEach
    void programme() {
        cleanUp();
        TestProgrammes.create(CODE);
        TestProgrammes.member(ADMIN_ELSEWHERE, CODE, "admin");
    }

    @AfterEach
    void cleanUp() {
        TestProgrammes.remove(NEW);
        TestProgrammes.remove(CODE);
        QuarkusTransaction.requiringNew().run(() -> {
            for (String name : List.of(USER, API_USER)) {
                User.<User>findByUsername(name).ifPresent(u -> {
                    u.memberships.clear();
                    u.active = false;
                });
            }
            Municipality.getEntityManager().createNativeQuery("DELETE FROM municipality WHERE code = ?1")
                    .setParameter(1, MUNICIPALITY).executeUpdate();
        });
    }

    @Test
    @TestSecurity(user = "admin", roles = {"admin", "system-admin"})
    void theSystemAdministratorCreatesAProgrammeOnItsPage() {
        given().get("/admin/system").then().statusCode(200).body(containsString("/admin/system/programmes"));
        given().get("/admin/system/programmes").then().statusCode(200).body(containsString("Sats på Hallingdal"))
                .body(containsString("Testprogram " + CODE));
        given().get("/admin/system/programmes/new").then().statusCode(200).body(containsString("name=\"periods[0].start\""));

        Map<String, Object> f = new HashMap<>();
        f.put("code", NEW);
        f.put("name", "Omstilling Flesberg");
        f.put("region", "Numedal");
        f.put("owner", "Flesberg kommune");
        f.put("countyCode", "33");
        f.put("countyName", "Buskerud fylkeskommune");
        f.put("periods[0].name", "Periode 1");
        f.put("periods[0].start", "2027-01-01");
        f.put("periods[0].end", "2029-12-31");
        f.put("periods[0].goal", "50");
        Forms.post("/admin/system/programmes/new", "/admin/system/programmes", f).then().statusCode(303)
                .header("Location", endsWith("/p/" + NEW + "/admin"));
        Programme p = QuarkusTransaction.requiringNew().call(() -> {
            Programme x = Programme.findByCode(NEW).orElseThrow();
            x.periods.forEach(y -> y.annualTargets.size());
            return x;
        });
        assertEquals("Omstilling Flesberg", p.name);
        assertEquals(50, p.periods.get(0).goal);
        assertEquals(3, p.periods.get(0).annualTargets.size(), "one annual target per year of the period");
        given().get("/p/" + NEW + "/admin").then().statusCode(200);

        f.put("name", "Igjen");
        f.put("countyCode", "Buskerud");
        f.put("periods[0].goal", "-1");
        f.put("periods[0].end", "");
        Forms.post("/admin/system/programmes/new", "/admin/system/programmes", f).then().statusCode(400)
                .body(containsString("id=\"f-code-error\""))
                .body(containsString("id=\"f-countyCode-error\""))
                .body(containsString("id=\"f-periods[0].goal-error\""))
                .body(containsString("id=\"f-periods[0].end-error\""))
                .body(containsString("value=\"Igjen\""));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"admin", "system-admin"})
    void theSystemAdministratorAddsAndRenamesReferenceMunicipalities() {
        given().get("/admin/system/municipalities").then().statusCode(200).body(containsString("Nore og Uvdal"));
        Forms.post("/admin/system/municipalities", "/admin/system/municipalities",
                Map.of("code", MUNICIPALITY, "name", "Prøvekommune")).then().statusCode(303);
        assertEquals("Prøvekommune", QuarkusTransaction.requiringNew()
                .call(() -> Municipality.<Municipality>findById(MUNICIPALITY).name));
        Forms.post("/admin/system/municipalities", "/admin/system/municipalities",
                Map.of("code", "3324", "name", "Gol igjen", "formerCode", "12")).then().statusCode(400)
                .body(containsString("id=\"f-code-error\"")).body(containsString("id=\"f-formerCode-error\""))
                .body(containsString("Gol igjen"));
        Forms.post("/admin/system/municipalities", "/admin/system/municipalities",
                Map.of("code", "3041", "name", "Gol (Viken)")).then().statusCode(400)
                .body(containsString("id=\"f-code-error\""));
        Forms.post("/admin/system/municipalities", "/admin/system/municipalities/" + MUNICIPALITY,
                Map.of("name", "Prøvekommunen")).then().statusCode(303);
        given().get("/admin/system/municipalities/" + MUNICIPALITY).then().statusCode(200)
                .body(containsString("Prøvekommunen"));
        Forms.post("/admin/system/municipalities", "/admin/system/municipalities/" + MUNICIPALITY,
                Map.of("name", " ")).then().statusCode(400).body(containsString("id=\"f-name-error\""));
        given().get("/admin/system/municipalities/0000").then().statusCode(404);
        // a programme may take the new municipality
        Map<String, Object> doc = given().get("/api/v1/programmes/" + CODE).then().statusCode(200).extract()
                .jsonPath().getMap("");
        doc.put("municipalities", List.of("3334", "3336", MUNICIPALITY));
        given().contentType(ContentType.JSON).body(doc).put("/api/v1/programmes/" + CODE).then().statusCode(200);
        given().get("/api/v1/municipalities?programme=" + CODE).then().statusCode(200)
                .body("code", hasItem(MUNICIPALITY));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"admin", "system-admin"})
    void usersHoldMembershipsInSeveralProgrammes() {
        Map<String, Object> f = new HashMap<>();
        f.put("username", USER);
        f.put("displayName", "Kari Flerprogram");
        f.put("password", "et-langt-passord-1");
        f.put("active", "true");
        f.put("rights", "memberships");
        f.put("memberships[0].programme", Fixture.SEEDED);
        f.put("memberships[0].role", "board");
        f.put("memberships[1].programme", CODE);
        f.put("memberships[1].role", "admin");
        f.put("countyCode", "33");
        if (QuarkusTransaction.requiringNew().call(() -> User.findByUsername(USER).isEmpty())) {
            Forms.post("/admin/users/new", "/admin/users", f).then().statusCode(303);
        }
        long id = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(USER).orElseThrow().id);
        if (!QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).active)) {
            // made by an earlier run: give it the rights through the edit form
            f.put("version", QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).version));
            Forms.post("/admin/users/" + id, "/admin/users/" + id, f).then().statusCode(303);
        }
        given().get("/api/v1/users/" + id).then().statusCode(200)
                .body("memberships.programme", equalTo(List.of(Fixture.SEEDED, CODE).stream().sorted().toList()))
                .body("countyCode", equalTo("33"))
                .body("systemAdmin", equalTo(false));
        given().get("/admin/users/" + id).then().statusCode(200).body(containsString("Testprogram " + CODE));

        // a role that is no programme role, an unknown programme: 400 on that row
        f.put("version", QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).version));
        f.put("memberships[1].role", "county");
        Forms.post("/admin/users/" + id, "/admin/users/" + id, f).then().statusCode(400)
                .body(containsString("id=\"f-memberships[1].role-error\""));

        // the API takes memberships too
        Map<String, Object> body = new HashMap<>();
        body.put("username", API_USER);
        body.put("displayName", "Per API");
        body.put("password", "et-langt-passord-2");
        body.put("memberships", List.of(Map.of("programme", CODE, "role", "lead", "projectIds", List.of())));
        if (QuarkusTransaction.requiringNew().call(() -> User.findByUsername(API_USER).isEmpty())) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/users").then().statusCode(201)
                    .body("memberships[0].programme", equalTo(CODE)).body("memberships[0].role", equalTo("lead"));
        }
        body.put("memberships", List.of(Map.of("programme", "no-such-programme", "role", "lead")));
        body.put("username", API_USER + "-2");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/users").then().statusCode(400)
                .body("errors.field", equalTo(List.of("memberships[0].programme")));
    }

    @Test
    @TestSecurity(user = "admin", roles = {"admin", "system-admin"})
    void theLastAdminOfAProgrammeStaysAnAdmin() {
        long id = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(ADMIN_ELSEWHERE).orElseThrow().id);
        long version = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).version);
        Forms.post("/admin/users", "/admin/users/" + id + "/deactivate", Map.of()).then().statusCode(400);
        Map<String, Object> f = new HashMap<>();
        f.put("version", version);
        f.put("displayName", ADMIN_ELSEWHERE);
        f.put("active", "true");
        f.put("rights", "memberships");
        f.put("memberships[0].programme", CODE);
        f.put("memberships[0].role", "board");
        Forms.post("/admin/users/" + id, "/admin/users/" + id, f).then().statusCode(400)
                .body(containsString("Testprogram " + CODE));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> {
            User u = User.findById(id);
            return u.active && u.memberships.stream().map(Membership::roleValue).toList()
                    .equals(List.of(no.hallingdal.jobbmal.account.Role.ADMIN));
        }), "still the programme's active admin");
    }

    @Test
    @TestSecurity(user = ADMIN_ELSEWHERE, roles = "admin")
    void aProgrammeAdminIsNoSystemAdministrator() {
        for (String path : List.of("/admin/system", "/admin/system/programmes", "/admin/system/programmes/new",
                "/admin/system/municipalities", "/admin/users")) {
            given().redirects().follow(false).get(path).then().statusCode(403);
        }
    }
}
