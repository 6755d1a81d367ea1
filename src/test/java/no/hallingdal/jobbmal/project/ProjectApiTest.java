package no.hallingdal.jobbmal.project;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project JSON API: create, read, list with filters, update, bad input, stale versions. */
@QuarkusTest
class ProjectApiTest {

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void createReadAndUpdate() {
        String name = ProjectFixtures.unique("Næringsvennlig Hol");
        var lead = ProjectFixtures.user("lead");
        Map<String, Object> body = ProjectFixtures.json(name, "Hol kommune");
        body.put("leads", List.of(lead.id));
        var created = given().contentType(ContentType.JSON).body(body).post("/api/v1/projects").then()
                .statusCode(201)
                .contentType("application/json")
                .header("Location", containsString("/api/v1/projects/"))
                .body("name", equalTo(name))
                .body("focusArea", equalTo("kompetanse-rekruttering"))
                // former code 3041 comes back as Gol's current code 3324, in municipality order
                .body("municipalities", equalTo(List.of("3324", "3326")))
                .body("leads", equalTo(List.of(lead.id.intValue())))
                .body("phase", equalTo("hovedprosjekt"))
                .body("status", equalTo("active"))
                .body("startDate", equalTo("2023-03-01"))
                .body("endDate", equalTo("2024-12-31"))
                .body("expectedNewJobs", equalTo(12.5f))
                .body("grantedFunds", equalTo(1500000))
                .body("version", equalTo(0))
                .extract();
        long id = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith("/api/v1/projects/" + id));

        given().get("/api/v1/projects/" + id).then().statusCode(200).body("id", equalTo((int) id))
                .body("projectOwner", equalTo("Hol kommune"))
                .body("description", equalTo("Kurs og rekruttering for reiselivet"));

        body.put("version", 0);
        body.put("status", "stopped");
        body.put("municipalities", List.of("3330"));
        body.put("grantedFunds", null);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/projects/" + id).then().statusCode(200)
                .body("status", equalTo("stopped"))
                .body("municipalities", equalTo(List.of("3330")))
                .body("grantedFunds", equalTo(null))
                .body("version", equalTo(1));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void putAcceptsWhatGetReturns() {
        long id = ProjectFixtures.project(ProjectFixtures.unique("Rundtur"), "baerekraft", List.of("3328"),
                "active", "forprosjekt", "5", null);
        String json = given().get("/api/v1/projects/" + id).then().statusCode(200).extract().asString();
        given().contentType(ContentType.JSON).body(json).put("/api/v1/projects/" + id).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void staleVersionIs409AndOverwritesNothing() {
        String name = ProjectFixtures.unique("Konflikt");
        long id = ProjectFixtures.project(name, "innovasjon", List.of("3320"), "active", "forstudie", "2", null);
        Map<String, Object> first = ProjectFixtures.json(name + " først", "Flå kommune");
        first.put("version", 0);
        given().contentType(ContentType.JSON).body(first).put("/api/v1/projects/" + id).then().statusCode(200)
                .body("version", equalTo(1));
        Map<String, Object> second = ProjectFixtures.json(name + " for sent", "Flå kommune");
        second.put("version", 0);
        given().contentType(ContentType.JSON).body(second).put("/api/v1/projects/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("Noen andre har endret prosjektet"));
        assertEquals(name + " først", ProjectFixtures.load(id).name);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void listFiltersByCodes() {
        String tag = ProjectFixtures.unique("Apifilter");
        long a = ProjectFixtures.project(tag + " A", "kultur-samfunn", List.of("3320", "3326"), "planned",
                "forstudie", "2", null);
        long b = ProjectFixtures.project(tag + " B", "kultur-samfunn", List.of("3326"), "completed",
                "forstudie", "3", null);
        List<Integer> hemsedal = given().get("/api/v1/projects?focusArea=kultur-samfunn&municipality=3042&phase=forstudie")
                .then().statusCode(200).extract().jsonPath().getList("id", Integer.class);
        assertTrue(hemsedal.contains((int) a) && hemsedal.contains((int) b));
        List<Integer> planned = given().get("/api/v1/projects?focusArea=kultur-samfunn&municipality=3320&status=planned")
                .then().statusCode(200).extract().jsonPath().getList("id", Integer.class);
        assertTrue(planned.contains((int) a) && !planned.contains((int) b));
        given().get("/api/v1/projects?municipality=9999").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("municipality"));
        given().get("/api/v1/projects?focusArea=fiske").then().statusCode(400).body("errors.field", hasItem("focusArea"));
        given().get("/api/v1/projects?status=paused").then().statusCode(400).body("errors.field", hasItem("status"));
        given().get("/api/v1/projects?phase=idefase").then().statusCode(400).body("errors.field", hasItem("phase"));
    }

    // The input rules and their limits are ProjectValidationTest's (against the service). Over HTTP each path
    // keeps one bad input, for what only HTTP shows: 400, problem+json naming the field with the user's
    // message, and nothing saved or changed; and the JSON that cannot be read.

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badCreateIs400ProblemJsonNamingTheFieldAndSavesNothing() {
        String owner = ProjectFixtures.unique("Eier");
        Map<String, Object> body = ProjectFixtures.json("x".repeat(201), owner);
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body(body).post("/api/v1/projects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", equalTo(List.of("name")))
                .body("errors.message", equalTo(List.of("Kan ikke være lengre enn 200 tegn.")))
                .body(not(containsString("Exception")))
                .body(not(containsString("no.hallingdal")));
        assertEquals(0, ProjectFixtures.countByOwner(owner));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void badUpdateIs400ProblemJsonAndChangesNothing() {
        String name = ProjectFixtures.unique("Uendret");
        long id = ProjectFixtures.project(name, "innovasjon", List.of("3330"), "active", "hovedprosjekt", "7", null);
        Map<String, Object> body = ProjectFixtures.json(name + " ny", "Hol kommune");
        body.put("version", 0);
        body.put("endDate", "2023-01-01");
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body(body).put("/api/v1/projects/" + id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("endDate")))
                .body("errors.message", equalTo(List.of("Slutt kan ikke være før start.")));
        Project p = ProjectFixtures.load(id);
        assertEquals(name, p.name);
        assertEquals(0, p.version);
    }

    /** JSON that cannot be read into a project: the field is named all the same, and nothing is saved. */
    static Stream<Arguments> unreadableValues() {
        return Stream.of(
                Arguments.of("expectedNewJobs", "expectedNewJobs", "abc", "Verdien har feil type eller format."),
                Arguments.of("startDate", "startDate", "2023-02-31", "Verdien har feil type eller format."),
                Arguments.of("leads[0]", "leads", List.of("ola"), "Verdien har feil type eller format."),
                Arguments.of("colour", "colour", "blue", "Feltet er ukjent eller ugyldig."));
    }

    @ParameterizedTest
    @MethodSource("unreadableValues")
    @TestSecurity(user = "admin", roles = "admin")
    void unreadableValueIs400NamingTheField(String errorField, String field, Object value, String message) {
        String owner = ProjectFixtures.unique("Eier");
        Map<String, Object> body = ProjectFixtures.json(ProjectFixtures.unique("Ugyldig"), owner);
        body.put(field, value);
        given().contentType(ContentType.JSON).header("Accept-Language", "nb").body(body).post("/api/v1/projects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of(errorField)))
                .body("errors.message", equalTo(List.of(message)));
        assertEquals(0, ProjectFixtures.countByOwner(owner));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void malformedJsonMissingVersionAndUnknownIds() {
        String owner = ProjectFixtures.unique("Eier");
        given().contentType(ContentType.JSON).body("{\"name\": \"Halvferdig\", \"projectOwner\": \"" + owner)
                .post("/api/v1/projects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("Innholdet er ikke gyldig JSON."));
        given().contentType(ContentType.JSON).body("").post("/api/v1/projects").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("body")));
        given().contentType(ContentType.JSON).body("[1,2]").post("/api/v1/projects").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, ProjectFixtures.countByOwner(owner));

        long id = ProjectFixtures.project(ProjectFixtures.unique("Versjonsløs"), "innovasjon", List.of("3330"),
                "active", "hovedprosjekt", "7", null);
        Map<String, Object> noVersion = ProjectFixtures.json("Uten versjon", owner);
        given().contentType(ContentType.JSON).body(noVersion).put("/api/v1/projects/" + id).then().statusCode(400)
                .body("errors.field", hasItem("version"));
        given().contentType(ContentType.JSON).body("").put("/api/v1/projects/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("body")));

        given().get("/api/v1/projects/99999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/projects/abc").then().statusCode(404).contentType("application/problem+json");
        Map<String, Object> body = ProjectFixtures.json("Finnes ikke", owner);
        body.put("version", 0);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/projects/99999999").then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(0, ProjectFixtures.countByOwner(owner));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void englishErrorMessagesWithAcceptLanguage() {
        Map<String, Object> body = ProjectFixtures.json("", ProjectFixtures.unique("Eier"));
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body(body).post("/api/v1/projects")
                .then().statusCode(400).body("errors[0].message", equalTo("Required."));
    }
}
