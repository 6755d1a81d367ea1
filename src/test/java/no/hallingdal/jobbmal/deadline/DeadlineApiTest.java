package no.hallingdal.jobbmal.deadline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.hallingdal.jobbmal.support.Accounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deadlines API, {@code /api/v1/programmes/{code}/deadlines}: the programme's admin adds, changes and removes
 * them; everyone who may read the programme reads them; bad input is 400 naming the field (nb and en).
 */
@QuarkusTest
class DeadlineApiTest {

    static final String URL = "/api/v1/programmes/sats-pa-hallingdal/deadlines";
    static final String PASSWORD = "frist-passord-1";

    static RequestSpecification as(String role) {
        String name = Accounts.uniqueName("frist-" + role);
        Accounts.create(name, role, PASSWORD);
        return given().auth().preemptive().basic(name, PASSWORD).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password-1").contentType(ContentType.JSON);
    }

    static Map<String, Object> body(LocalDate due, String title, String note) {
        Map<String, Object> b = new HashMap<>();
        b.put("dueDate", due.toString());
        b.put("title", title);
        b.put("note", note);
        return b;
    }

    @Test
    void theAdminAddsChangesAndRemovesADeadline() {
        String title = Accounts.uniqueName("Styremøte 12. mars");
        LocalDate due = LocalDate.now().plusDays(10);
        var created = admin().body(body(due, title, "Tall for første kvartal")).post(URL).then().statusCode(201)
                .header("Location", containsString(URL + "/")).contentType(ContentType.JSON)
                .body("title", equalTo(title)).body("dueDate", equalTo(due.toString())).body("daysLeft", equalTo(10))
                .body("programme", equalTo("sats-pa-hallingdal")).extract().jsonPath();
        long id = created.getLong("id");
        int version = created.getInt("version");

        as("board").get(URL).then().statusCode(200).body("title", hasItem(title));
        as("lead").get(URL + "/" + id).then().statusCode(200).body("note", equalTo("Tall for første kvartal"));

        Map<String, Object> changed = body(due.plusDays(1), title + " (flyttet)", null);
        changed.put("version", version);
        var updated = admin().body(changed).put(URL + "/" + id).then().statusCode(200)
                .body("title", equalTo(title + " (flyttet)")).body("daysLeft", equalTo(11)).extract().jsonPath();
        // the version read before the change is stale now
        admin().body(changed).put(URL + "/" + id).then().statusCode(409);

        admin().delete(URL + "/" + id + "?version=" + version).then().statusCode(409);
        admin().delete(URL + "/" + id + "?version=" + updated.getInt("version")).then().statusCode(204);
        admin().get(URL + "/" + id).then().statusCode(404);
        admin().get(URL).then().statusCode(200).body("title", not(hasItem(title + " (flyttet)")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead", "board", "county"})
    void onlyTheAdminChangesDeadlines(String role) {
        as(role).body(body(LocalDate.now(), "Ikke lov", null)).post(URL).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIs400NamingTheFieldInBothLanguages() {
        var r = admin().body(body(LocalDate.of(1999, 12, 31), " ", "x".repeat(2001))).post(URL).then()
                .statusCode(400).contentType("application/problem+json").extract().jsonPath();
        List<String> fields = r.getList("errors.field");
        assertEquals(List.of("dueDate", "title", "note"), fields);
        assertEquals("Datoen må være mellom 2000 og 2200.", r.getString("errors[0].message"));
        admin().header("Accept-Language", "en").body(Map.of("title", "x".repeat(201))).post(URL).then()
                .statusCode(400).body("errors.field", equalTo(List.of("dueDate", "title")))
                .body("errors[0].message", equalTo("Required."));
        admin().body("{\"dueDate\": \"12.03.2027\", \"title\": \"x\"}").post(URL).then().statusCode(400);
    }

    @Test
    void aChangeNeedsTheVersion() {
        long id = admin().body(body(LocalDate.now().plusDays(3), Accounts.uniqueName("Versjon"), null)).post(URL)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        admin().body(body(LocalDate.now().plusDays(4), "Uten versjon", null)).put(URL + "/" + id).then()
                .statusCode(400).body("errors.field", hasItem("version"));
        admin().delete(URL + "/" + id).then().statusCode(400).body("errors.field", hasItem("version"));
        admin().delete(URL + "/" + id + "?version=abc").then().statusCode(400);
    }

    @Test
    void unknownIdsAre404AndAnUnknownProgrammeToo() {
        admin().get(URL + "/987654321").then().statusCode(404);
        admin().get("/api/v1/programmes/finnes-ikke/deadlines").then().statusCode(404);
        given().get(URL).then().statusCode(401);
    }
}
