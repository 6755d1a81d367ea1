package no.hallingdal.jobbmal.municipality;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ReferenceDataTest {

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void municipalitiesAreSeededWithBothCodes() {
        given().get("/api/v1/municipalities").then()
                .statusCode(200)
                .contentType("application/json")
                .body("", hasSize(6))
                .body("code", contains("3320", "3322", "3324", "3326", "3328", "3330"))
                .body("name", contains("Flå", "Nesbyen", "Gol", "Hemsedal", "Ål", "Hol"))
                .body("formerCode", contains("3039", "3040", "3041", "3042", "3043", "3044"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void focusAreasAreSeeded() {
        given().get("/api/v1/focus-areas").then()
                .statusCode(200)
                .body("", hasSize(6))
                .body("code", contains("kompetanse-rekruttering", "innovasjon", "samferdsel-kommunikasjon",
                        "baerekraft", "attraktivitet-naeringsliv", "kultur-samfunn"))
                .body("[3].nameNb", equalTo("Bærekraft"))
                .body("[5].nameNb", equalTo("Kultur og samfunn (bo- og blilyst)"))
                .body("[5].nameEn", equalTo("Culture and community"));
    }

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void homePageRendersInNorwegianAndEnglish() {
        given().get("/").then().statusCode(200)
                .contentType("text/html")
                .body(org.hamcrest.Matchers.containsString("Sats på Hallingdal"))
                .body(org.hamcrest.Matchers.containsString("Oversikt"));
        given().cookie("jobbmal-lang", "en").get("/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Overview"));
        given().header("Accept-Language", "en-GB").get("/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("lang=\"en\""));
    }

    @Test
    void anonymousPageRedirectsToLogin() {
        given().redirects().follow(false).get("/").then().statusCode(302);
    }
}
