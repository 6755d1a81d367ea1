package no.hallingdal.jobbmal.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class LayoutTest {

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void languageSwitchSetsCookieAndReturns() {
        given().redirects().follow(false).get("/lang/en?return=/projects").then()
                .statusCode(303)
                .header("Location", containsString("/projects"))
                .cookie(RequestLocale.COOKIE, "en");
        given().redirects().follow(false).get("/lang/en?return=//evil.example").then()
                .statusCode(303)
                .header("Location", not(containsString("evil")));
        given().get("/lang/de").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void layoutHasLandmarksNavigationAndSkipLink() {
        given().get("/").then().statusCode(200)
                .body(containsString("<main id=\"main\""))
                .body(containsString("class=\"skip-link\""))
                .body(containsString("aria-current=\"page\">Oversikt"))
                .body(containsString("/css/jobbmal.css"))
                .body(containsString("rel=\"icon\""));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void unknownPageIsA404PageWithoutStackTrace() {
        given().get("/no-such-page").then().statusCode(404)
                .contentType("text/html")
                .body(containsString("Fant ikke siden"))
                .body(not(containsString("Exception")));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void logoutNeedsCsrfTokenAndClearsSession() {
        Forms.post("/", "/logout", Map.of()).then().statusCode(303)
                .header("Location", containsString("/login"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("x", "y").post("/logout").then().statusCode(400);
    }

    @Test
    void staticFilesAreServed() {
        given().get("/css/jobbmal.css").then().statusCode(200).body(containsString("--c-accent"));
        given().get("/favicon.svg").then().statusCode(200);
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void unknownApiRouteIsProblemJson() {
        given().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
