package no.hallingdal.jobbmal.project;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only admins change projects; everyone logged in reads them; leads see "register result" on their own. */
@QuarkusTest
class ProjectAccessTest {

    @Test
    @TestSecurity(user = "board-project-reader", roles = "board")
    void boardReadsButCannotWrite() {
        ProjectFixtures.ensureUser("board-project-reader", "board");
        String name = ProjectFixtures.unique("Lesbart prosjekt");
        String owner = ProjectFixtures.unique("Eier");
        long id = ProjectFixtures.project(name, "innovasjon", List.of("3324"), "active", "forstudie", "3", null);
        given().get("/projects").then().statusCode(200).body(containsString(name))
                .body(not(containsString("href=\"/p/sats-pa-hallingdal/projects/new\"")));
        given().get("/projects/" + id).then().statusCode(200)
                .body(not(containsString("Registrer resultat")))
                .body(not(containsString("/edit\"")));
        given().get("/api/v1/projects/" + id).then().statusCode(200);

        Forms.post("/projects", "/projects", ProjectFixtures.form(name, owner)).then().statusCode(403);
        assertEquals(0, ProjectFixtures.countByOwner(owner));
        given().get("/projects/new").then().statusCode(403);
        given().get("/projects/" + id + "/edit").then().statusCode(403);

        var body = ProjectFixtures.json(name + " kapret", owner);
        body.put("version", 0);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/projects/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/projects").then().statusCode(403);
        assertEquals(name, ProjectFixtures.load(id).name);
        assertEquals(0, ProjectFixtures.countByOwner(owner));
    }

    @Test
    @TestSecurity(user = "lead-project-access", roles = "lead")
    void leadSeesRegisterLinkOnlyOnOwnProject() {
        var lead = ProjectFixtures.ensureUser("lead-project-access", "lead");
        long own = ProjectFixtures.project(ProjectFixtures.unique("Eget prosjekt"), "innovasjon", List.of("3324"),
                "active", "forstudie", "3", lead.id);
        long other = ProjectFixtures.project(ProjectFixtures.unique("Annet prosjekt"), "innovasjon",
                List.of("3324"), "active", "forstudie", "3", null);
        given().get("/projects/" + own).then().statusCode(200)
                .body(containsString("href=\"/p/sats-pa-hallingdal/results/new?project=" + own + "\""))
                .body(not(containsString("/edit\"")));
        given().get("/projects/" + other).then().statusCode(200)
                .body(not(containsString("Registrer resultat")));
    }
}
