package no.hallingdal.jobbmal.result;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.support.Fixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project page lists the newest results only (a project can have thousands); the list has them all. */
@QuarkusTest
class ProjectResultsLimitTest {

    @Inject
    EntityManager em;

    @Test
    void theProjectPageShowsTheNewestHundredAndSaysHowManyThereAre() {
        Fixture fixture = new Fixture(em);
        long project = fixture.project("Mange resultater " + UUID.randomUUID().toString().substring(0, 8),
                "innovasjon", "500");
        LocalDate first = LocalDate.of(2022, 1, 1);
        long oldest = 0;
        long newest = 0;
        for (int i = 0; i < ResultSearch.PROJECT_PAGE_RESULTS + 1; i++) {
            long id = fixture.result(project, "3324", "innovasjon", first.plusDays(i).toString(), "NEW_JOBS", "1",
                    null, null, "APPROVED", null, null, null);
            if (i == 0) {
                oldest = id;
            }
            newest = id;
        }
        String html = given().auth().preemptive().basic("admin", "test-admin-password-1")
                .get("/projects/" + project).then().statusCode(200).extract().asString();
        String section = html.substring(html.indexOf("class=\"project-results\""));
        Matcher links = Pattern.compile("href=\"/p/sats-pa-hallingdal/results/(\\d+)\"").matcher(section);
        int shown = 0;
        while (links.find()) {
            shown++;
        }
        assertEquals(ResultSearch.PROJECT_PAGE_RESULTS, shown);
        assertTrue(section.contains("href=\"/p/sats-pa-hallingdal/results/" + newest + "\""), "the newest is listed");
        assertFalse(section.contains("href=\"/p/sats-pa-hallingdal/results/" + oldest + "\""), "the oldest is left out");
        assertTrue(section.contains("Viser de 100 nyeste av 101 resultater."), section);
        // the sums still cover every result
        assertTrue(section.contains("<dd>101</dd>"), section);
        assertTrue(section.contains("href=\"/p/sats-pa-hallingdal/results?project=" + project + "\""));
    }
}
