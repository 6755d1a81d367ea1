package no.hallingdal.jobbmal.programme;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A board member may read the programme but not change it or open the admin pages. */
@QuarkusTest
class BoardProgrammeAccessTest {

    @org.junit.jupiter.api.BeforeEach
    void boardMember() {
        no.hallingdal.jobbmal.result.ResultTestData.user("board-programme-reader", "board");
    }

    @Test
    @TestSecurity(user = "board-programme-reader", roles = "board")
    void boardReadsButCannotWrite() {
        given().get("/api/v1/programme").then().statusCode(200).body("goal", equalTo(200));
        given().contentType(ContentType.JSON).body(Map.of("name", "Kapret", "version", 0))
                .put("/api/v1/programme").then().statusCode(403);
        given().get("/admin/programme").then().statusCode(403);
        given().get("/admin").then().statusCode(403);
    }
}
