package no.hallingdal.jobbmal.deadline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Programmes;
import no.hallingdal.jobbmal.support.SeveralProgrammes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Deadlines belong to their programme: another programme's id under a programme's code is 404, another programme's
 * admin changes nothing (403), and the next deadline on a programme's dashboard is its own.
 */
@QuarkusTest
@TestProfile(SeveralProgrammes.class)
class DeadlineScopeTest {

    static final String PASSWORD = "frist-omraade-1";

    static long deadline(long programme, String title) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Deadline d = new Deadline();
            d.programmeId = programme;
            d.dueDate = LocalDate.now().plusDays(4);
            d.title = title;
            d.createdAt = Instant.now();
            d.persist();
            return d.id;
        });
    }

    @Test
    void anotherProgrammesDeadlineIsNotFoundAndNotChangedByItsNeighbour() {
        Programmes.Made a = Programmes.create(Programmes.uniqueCode("frist-a"), "Frist A", "33", "Buskerud",
                List.of("3336"), Map.of("innovasjon", "Innovasjon"),
                List.of(Programmes.PeriodSpec.of("Periode 1", "2024-01-01", "2027-12-31", 30, Map.of())));
        Programmes.Made b = Programmes.create(Programmes.uniqueCode("frist-b"), "Frist B", "33", "Buskerud",
                List.of("3334"), Map.of("innovasjon", "Innovasjon"),
                List.of(Programmes.PeriodSpec.of("Periode 1", "2024-01-01", "2027-12-31", 30, Map.of())));
        String adminA = Accounts.uniqueName("frist-admin-a");
        Programmes.user(adminA, PASSWORD, Map.of(a.id(), Role.ADMIN), null, false);
        String bTitle = Accounts.uniqueName("Hemmelig frist B");
        long ofB = deadline(b.id(), bTitle);
        long ofA = deadline(a.id(), Accounts.uniqueName("Frist for A"));
        var asA = given().auth().preemptive().basic(adminA, PASSWORD).contentType(ContentType.JSON);

        asA.get("/api/v1/programmes/" + a.code() + "/deadlines/" + ofB).then().statusCode(404);
        given().auth().preemptive().basic(adminA, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("dueDate", "2027-01-01", "title", "Flyttet", "version", 0))
                .put("/api/v1/programmes/" + a.code() + "/deadlines/" + ofB).then().statusCode(404);
        given().auth().preemptive().basic(adminA, PASSWORD).contentType(ContentType.JSON)
                .delete("/api/v1/programmes/" + a.code() + "/deadlines/" + ofB + "?version=0").then().statusCode(404);
        given().auth().preemptive().basic(adminA, PASSWORD).contentType(ContentType.JSON)
                .get("/api/v1/programmes/" + b.code() + "/deadlines").then().statusCode(403);
        given().auth().preemptive().basic(adminA, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("dueDate", "2027-01-01", "title", "Inn i B"))
                .post("/api/v1/programmes/" + b.code() + "/deadlines").then().statusCode(403);
        given().auth().preemptive().basic(adminA, PASSWORD).contentType(ContentType.JSON)
                .get("/api/v1/programmes/" + a.code() + "/deadlines").then().statusCode(200)
                .body("id", hasItem((int) ofA)).body("title", not(hasItem(bTitle)));
        given().auth().preemptive().basic(adminA, PASSWORD)
                .get("/p/" + a.code() + "/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Frist for A"),
                        not(org.hamcrest.Matchers.containsString(bTitle)));
    }
}
