package no.hallingdal.jobbmal.result;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.project.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

/** "Today" comes from the injectable clock: with the clock fixed, tomorrow is refused and today accepted. */
@QuarkusTest
class ResultClockTest {

    @BeforeEach
    void fixClock() {
        Clock fixed = Clock.fixed(LocalDate.of(2023, 6, 15).atTime(23, 30).atZone(Formats.ZONE).toInstant(),
                Formats.ZONE);
        QuarkusMock.installMockForType(fixed, Clock.class);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void futureIsJudgedByTheClockInOsloTime() {
        Project p = ResultTestData.project("Klokke", List.of("3324"));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("projectId", p.id, "municipality", "3324",
                "kind", "NEW_JOBS", "amount", 1, "evidence", "e-post", "date", "2023-06-16"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/results").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        body.put("date", "2023-06-15");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/results").then().statusCode(201);
    }
}
