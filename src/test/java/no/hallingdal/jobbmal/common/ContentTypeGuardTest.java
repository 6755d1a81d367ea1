package no.hallingdal.jobbmal.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A request that changes something without saying what it sends (no Content-Type, or text/plain, which
 * a page on another site can send without a preflight) is refused before anything runs.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ContentTypeGuardTest {

    @Inject
    EntityManager em;

    long lockedRows(int year) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM year_lock WHERE lock_year = ?1 AND locked = TRUE").setParameter(1, year)
                .getSingleResult()).longValue());
    }

    @Test
    void pagePostWithoutContentTypeChangesNothing() {
        long before = lockedRows(2023);
        // no Content-Type at all: the CSRF filter already refuses it (400), or this guard does (415)
        given().redirects().follow(false).post("/admin/years/2023/lock").then()
                .statusCode(org.hamcrest.Matchers.oneOf(400, 415));
        given().redirects().follow(false).contentType("text/plain").body("x=y").post("/admin/years/2023/lock")
                .then().statusCode(415);
        assertEquals(before, lockedRows(2023));
    }

    @Test
    void apiPostWithoutJsonIsRefused() {
        given().post("/api/v1/results/999999/approve").then().statusCode(415)
                .contentType("application/problem+json");
        given().contentType("text/plain").body("project_id,date\n").post("/api/v1/results/import").then()
                .statusCode(415);
        given().contentType("application/x-www-form-urlencoded").formParam("a", "b").post("/api/v1/projects")
                .then().statusCode(415);
        // the right types still work (and then get their own answers)
        given().contentType("application/json").body("{}").post("/api/v1/results/999999/approve").then()
                .statusCode(404);
    }
}
