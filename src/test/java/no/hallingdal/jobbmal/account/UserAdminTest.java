package no.hallingdal.jobbmal.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin pages and API for users, and every user's own password change. */
@QuarkusTest
class UserAdminTest {

    static final String PASSWORD = "et-godt-passord-42";

    private static User user(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow());
    }

    private static List<Long> ledProjects(Long userId) {
        return QuarkusTransaction.requiringNew().call(() -> no.hallingdal.jobbmal.project.Project.<no.hallingdal.jobbmal.project.Project>list(
                "select p from Project p join p.leads l where l.id = ?1 order by p.id", userId)
                .stream().map(p -> p.id).toList());
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void adminCreatesALeadWithProjectsAndTheLeadCanLogIn() {
        String name = Accounts.uniqueName("ny.leder");
        Long p1 = Accounts.project("Prosjekt " + name + " A");
        Long p2 = Accounts.project("Prosjekt " + name + " B");
        Forms.post("/admin/users/new", "/admin/users", Map.of(
                "username", name.toUpperCase(), "displayName", "Nora Ny", "email", "nora@example.org",
                "role", "lead", "active", "true", "projects", List.of(p1.toString(), p2.toString()),
                "password", PASSWORD))
                .then().statusCode(303).header("Location", containsString("/admin/users"));
        User u = user(name);
        assertEquals(name, u.username, "stored lower-case");
        assertEquals("lead", u.roleIn(no.hallingdal.jobbmal.support.Fixture.seededProgramme().id).orElseThrow().code());
        assertTrue(u.active);
        assertTrue(u.passwordHash.startsWith("$2"), "bcrypt hash");
        assertEquals(List.of(p1, p2), ledProjects(u.id));

        given().get("/admin/users").then().statusCode(200)
                .body(containsString("Nora Ny")).body(containsString("Prosjekt " + name + " A"));
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(200);
    }

    // The input rules and their limits are UserValidationTest's (against the service). Over HTTP each path
    // keeps one bad input, for what only HTTP shows, and the API the JSON it cannot read.

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badApiInputIs400ProblemJsonNamingTheFieldAndSavesNothing() {
        String name = Accounts.uniqueName("avvist");
        given().contentType(ContentType.JSON).header("Accept-Language", "nb")
                .body(Map.of("username", name, "displayName", "Avvist", "role", "lead", "password", "kort"))
                .post("/api/v1/users").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("password")))
                .body("errors.message", equalTo(List.of("Passordet må ha minst 10 tegn.")));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).isEmpty()));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void apiRejectsJsonItCannotRead() {
        String name = Accounts.uniqueName("json");
        given().contentType(ContentType.JSON).header("Accept-Language", "nb")
                .body(Map.of("username", name, "displayName", "Json", "role", "lead", "password", PASSWORD,
                        "colour", "blue"))
                .post("/api/v1/users").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("colour")))
                .body("errors.message", equalTo(List.of("Feltet er ukjent eller ugyldig.")));
        given().contentType(ContentType.JSON).header("Accept-Language", "nb")
                .body(Map.of("username", name, "displayName", "Json", "role", "lead", "password", PASSWORD,
                        "projectIds", "alle"))
                .post("/api/v1/users").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("projectIds")))
                .body("errors.message", equalTo(List.of("Verdien har feil type eller format.")));
        given().contentType(ContentType.JSON).body("{\"username\": ").post("/api/v1/users").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("").post("/api/v1/users").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("username")));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).isEmpty()));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void formErrorsAreShownAtTheFieldsAndInputIsKept() {
        Forms.post("/admin/users/new", "/admin/users", Map.of(
                "username", "x", "displayName", "Beholdt Navn", "role", "board", "password", "kort"))
                .then().statusCode(400)
                .body(containsString("Beholdt Navn"))
                .body(containsString("id=\"f-username-error\""))
                .body(containsString("Passordet må ha minst 10 tegn."));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badEditFormIsShownAgainWith400AndChangesNothing() {
        String name = Accounts.uniqueName("uendret");
        Long id = Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        String page = "/admin/users/" + id;
        Forms.post(page, page, Map.of("displayName", "n".repeat(201), "email", "beholdt@example.org", "role", "board",
                "active", "true", "version", String.valueOf(user(name).version)))
                .then().statusCode(400).contentType("text/html")
                .body(containsString("error-summary"))
                .body(containsString("id=\"f-displayName-error\">Kan ikke være lengre enn 200 tegn.</p>"))
                .body(containsString("value=\"beholdt@example.org\""));
        User u = user(name);
        assertEquals(name + " Testesen", u.displayName);
        assertNull(u.email);
        assertEquals(0, u.version);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void apiCreatesReadsUpdatesAndResetsWithoutEverShowingTheHash() {
        String name = Accounts.uniqueName("api");
        Long project = Accounts.project("API-prosjekt " + name);
        Number id = given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "displayName", "Api Bruker", "role", "board", "password", PASSWORD))
                .post("/api/v1/users").then().statusCode(201)
                .header("Location", containsString("/api/v1/users/"))
                .body("username", equalTo(name)).body("role", equalTo("board")).body("active", equalTo(true))
                .body(not(containsString("password")))
                .extract().path("id");

        given().get("/api/v1/users/" + id).then().statusCode(200).body("displayName", equalTo("Api Bruker"));
        given().get("/api/v1/users").then().statusCode(200).body("username", hasItem(name))
                .body(not(containsString("$2")));

        given().contentType(ContentType.JSON)
                .body(Map.of("displayName", "Api Leder", "role", "lead", "active", true, "projectIds", List.of(project)))
                .put("/api/v1/users/" + id).then().statusCode(200)
                .body("role", equalTo("lead")).body("projectIds", equalTo(List.of(project.intValue())));
        // A board member cannot lead projects.
        given().contentType(ContentType.JSON)
                .body(Map.of("displayName", "Api Leder", "role", "board", "projectIds", List.of(project)))
                .put("/api/v1/users/" + id).then().statusCode(400).body("errors.field", hasItem("projects"));

        given().contentType(ContentType.JSON).body(Map.of("password", "for-kort"))
                .post("/api/v1/users/" + id + "/password").then().statusCode(400).body("errors.field", hasItem("password"));
        given().contentType(ContentType.JSON).body(Map.of("password", "helt-nytt-passord-1"))
                .post("/api/v1/users/" + id + "/password").then().statusCode(204);
        given().auth().preemptive().basic(name, "helt-nytt-passord-1").get("/api/v1/municipalities").then().statusCode(200);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(401);

        given().contentType(ContentType.JSON).body(Map.of("displayName", "Api Leder", "role", "lead", "active", false))
                .put("/api/v1/users/" + id).then().statusCode(200).body("active", equalTo(false));
        given().auth().preemptive().basic(name, "helt-nytt-passord-1").get("/api/v1/municipalities").then().statusCode(401);
        given().get("/api/v1/users/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void adminResetsAPasswordAndDeactivatesOnThePages() {
        String name = Accounts.uniqueName("side");
        Long id = Accounts.create(name, Role.COUNTY_CODE, PASSWORD);
        String page = "/admin/users/" + id;
        given().get(page).then().statusCode(200).body(containsString(name))
                .body(containsString("action=\"/admin/users/" + id + "/password\""));
        Forms.post(page, page + "/password", Map.of("password", name)).then().statusCode(400)
                .body(containsString("Passordet kan ikke være det samme som brukernavnet."));
        Forms.post(page, page + "/password", Map.of("password", "nytt-fra-admin-1")).then().statusCode(303);
        given().auth().preemptive().basic(name, "nytt-fra-admin-1").get("/api/v1/municipalities").then().statusCode(200);

        Forms.post(page, page + "/deactivate", Map.of()).then().statusCode(303);
        assertFalse(user(name).active);
        given().auth().preemptive().basic(name, "nytt-fra-admin-1").get("/api/v1/municipalities").then().statusCode(401);
        given().get("/admin/users").then().statusCode(200).body(containsString(name)).body(containsString("Deaktivert"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void editChangesRoleAndProjectsOnThePage() {
        String name = Accounts.uniqueName("rolle");
        Long id = Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        Long project = Accounts.project("Sideprosjekt " + name);
        long version = user(name).version;
        String page = "/admin/users/" + id;
        Forms.post(page, page, Map.of("displayName", "Endret Navn", "email", "", "role", "lead", "active", "true",
                "projects", List.of(project.toString()), "version", String.valueOf(version)))
                .then().statusCode(303);
        User u = user(name);
        assertEquals("lead", u.roleIn(no.hallingdal.jobbmal.support.Fixture.seededProgramme().id).orElseThrow().code());
        assertEquals("Endret Navn", u.displayName);
        assertEquals(List.of(project), ledProjects(id));
        given().get(page).then().statusCode(200).body(containsString("value=\"" + project + "\" checked"));
        // A stale version is a conflict, not a silent overwrite.
        Forms.post(page, page, Map.of("displayName", "Gammel", "role", "lead", "active", "true",
                "version", String.valueOf(version))).then().statusCode(409);
        // Unchecking "active" deactivates; the projects are unlinked when the role is no longer lead.
        Forms.post(page, page, Map.of("displayName", "Endret Navn", "role", "board",
                "version", String.valueOf(user(name).version))).then().statusCode(303);
        assertFalse(user(name).active);
        assertEquals(List.of(), ledProjects(id));
    }

    @Test
    void anAdminCannotDemoteOrDeactivateThemselves() {
        String name = Accounts.uniqueName("sjef");
        Long id = Accounts.create(name, Role.ADMIN_CODE, PASSWORD);
        given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Sjef", "role", "board"))
                .put("/api/v1/users/" + id).then().statusCode(400).body("errors.field", hasItem("role"));
        given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Sjef", "role", "admin", "active", false))
                .put("/api/v1/users/" + id).then().statusCode(400).body("errors.field", hasItem("active"));
        assertTrue(user(name).active);
        assertEquals("admin", user(name).roleIn(no.hallingdal.jobbmal.support.Fixture.seededProgramme().id).orElseThrow().code());
    }

    @Test
    void everyUserChangesTheirOwnPasswordWithTheCurrentOne() {
        String name = Accounts.uniqueName("eget");
        Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        String session = Accounts.session(name, PASSWORD);
        Forms.Csrf csrf = Forms.csrf("/login");
        java.util.function.Function<Map<String, String>, io.restassured.response.Response> post = fields -> {
            var spec = given().redirects().follow(false).cookie("jobbmal-session", session)
                    .cookie(Forms.CSRF_COOKIE, csrf.cookie()).contentType("application/x-www-form-urlencoded")
                    .formParam(Forms.CSRF_FIELD, csrf.token());
            for (var e : fields.entrySet()) {
                spec = spec.formParam(e.getKey(), e.getValue());
            }
            return spec.post("/account/password");
        };
        given().cookie("jobbmal-session", session).get("/account/password").then().statusCode(200)
                .body(containsString("id=\"f-currentPassword\""));
        post.apply(Map.of("currentPassword", "", "newPassword", "nytt-passord-99", "newPasswordRepeat", "nytt-passord-99"))
                .then().statusCode(400).body(containsString("id=\"f-currentPassword-error\""));
        post.apply(Map.of("currentPassword", "feil-passord-1", "newPassword", "nytt-passord-99",
                "newPasswordRepeat", "nytt-passord-99")).then().statusCode(400)
                .body(containsString("Nåværende passord er feil."));
        post.apply(Map.of("currentPassword", PASSWORD, "newPassword", "kort", "newPasswordRepeat", "kort"))
                .then().statusCode(400).body(containsString("Passordet må ha minst 10 tegn."));
        post.apply(Map.of("currentPassword", PASSWORD, "newPassword", name.toUpperCase(), "newPasswordRepeat",
                name.toUpperCase())).then().statusCode(400)
                .body(containsString("Passordet kan ikke være det samme som brukernavnet."));
        post.apply(Map.of("currentPassword", PASSWORD, "newPassword", "nytt-passord-99", "newPasswordRepeat", "annet-passord-99"))
                .then().statusCode(400).body(containsString("Passordene er ikke like."));
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(200);

        post.apply(Map.of("currentPassword", PASSWORD, "newPassword", "nytt-passord-99", "newPasswordRepeat", "nytt-passord-99"))
                .then().statusCode(303).header("Location", containsString("/account/password"));
        given().auth().preemptive().basic(name, "nytt-passord-99").get("/api/v1/municipalities").then().statusCode(200);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(401);
    }

    @Test
    void onlyAdminsReachUserAdministration() {
        String name = Accounts.uniqueName("leder");
        Accounts.create(name, Role.LEAD_CODE, PASSWORD);
        given().auth().preemptive().basic(name, PASSWORD).get("/admin/users").then().statusCode(403)
                .contentType("text/html").body(containsString("Ingen tilgang"));
        given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", "ikke-lov", "displayName", "X", "role", "admin", "password", PASSWORD))
                .post("/api/v1/users").then().statusCode(403).contentType("application/problem+json");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername("ikke-lov").isEmpty()));
    }
}
