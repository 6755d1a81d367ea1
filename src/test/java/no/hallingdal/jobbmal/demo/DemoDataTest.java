package no.hallingdal.jobbmal.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.project.ProjectStatus;
import no.hallingdal.jobbmal.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demo data, in its own profile (a separate in-memory database, loaded at start). The only test profile
 * of the suite: each profile restarts Quarkus.
 */
@QuarkusTest
@TestProfile(DemoDataTest.DemoProfile.class)
class DemoDataTest {

    public static class DemoProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.own("jobbmal-demo", Map.of(
                    "jobbmal.demo-data", "true",
                    "jobbmal.demo.projects", "25",
                    "jobbmal.demo.results", "40"));
        }
    }

    @Inject
    DemoDataLoader loader;

    @Inject
    jakarta.transaction.UserTransaction tx;

    private static String fingerprint(Project p) {
        return p.name + "|" + p.focusArea.code + "|"
                + p.municipalities.stream().map(m -> m.code).sorted().collect(Collectors.joining(",")) + "|"
                + p.phase.code() + "|" + p.status.code() + "|" + p.startDate + "|" + p.endDate + "|"
                + p.expectedNewJobs.stripTrailingZeros().toPlainString() + "|" + p.grantedFunds + "|" + p.projectOwner;
    }

    private static List<String> loaded() {
        return QuarkusTransaction.requiringNew().call(() -> Project.<Project>list("order by id").stream()
                .map(DemoDataTest::fingerprint).toList());
    }

    @Test
    void loadsARealisticSetOverEveryFocusAreaAndMunicipality() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Project> projects = Project.list("order by id");
            assertEquals(25, projects.size());
            assertEquals("Kompetanseløft reiseliv Hemsedal", projects.get(0).name);
            Set<String> focus = projects.stream().map(p -> p.focusArea.code).collect(Collectors.toSet());
            long programme = projects.get(0).programme.id;
            assertEquals(FocusArea.listFor(programme).stream().map(f -> f.code).collect(Collectors.toSet()), focus);
            Set<String> municipalities = new HashSet<>();
            projects.forEach(p -> p.municipalities.forEach(m -> municipalities.add(m.code)));
            assertEquals(projects.get(0).programme.municipalities.stream().map(m -> m.code).collect(Collectors.toSet()),
                    municipalities);
            assertTrue(projects.stream().map(p -> p.status).distinct().count() >= 3, "mixed statuses");
            assertTrue(projects.stream().map(p -> p.phase).distinct().count() >= 2, "mixed phases");
            assertTrue(projects.stream().anyMatch(p -> p.status == ProjectStatus.ACTIVE));
            assertTrue(projects.stream().anyMatch(p -> p.grantedFunds != null));
            assertTrue(projects.stream().anyMatch(p -> p.grantedFunds == null));
            for (Project p : projects) {
                assertTrue(p.expectedNewJobs.compareTo(new BigDecimal("2")) >= 0
                        && p.expectedNewJobs.compareTo(new BigDecimal("20")) <= 0, p.name);
                assertTrue(!p.startDate.isBefore(LocalDate.of(2022, 1, 1)) && p.startDate.getYear() <= 2024, p.name);
                assertTrue(p.endDate != null && !p.endDate.isBefore(p.startDate) && p.endDate.getYear() <= 2024, p.name);
                assertTrue(!p.municipalities.isEmpty(), p.name);
            }
        });
    }

    @Test
    void isDeterministic() throws Exception {
        List<String> before = loaded();
        tx.begin();
        try {
            List<String> again = loader.createProjects(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), new Random(2022), 25).stream()
                    .map(DemoDataTest::fingerprint).toList();
            assertEquals(before, again);
        } finally {
            tx.rollback();
        }
        assertEquals(before, loaded());
    }

    @Test
    void largeSizesHaveUniqueNames() throws Exception {
        tx.begin();
        try {
            List<Project> many = loader.createProjects(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), new Random(7), 600);
            assertEquals(600, many.size());
            assertEquals(600, many.stream().map(p -> p.name).distinct().count());
            assertEquals(6, many.stream().map(p -> p.focusArea.code).distinct().count());
        } finally {
            tx.rollback();
        }
    }

    @Test
    void neverLoadedIntoADatabaseWithProjects() {
        List<String> before = loaded();
        loader.onStart(new StartupEvent());
        assertEquals(before, loaded());
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void demoProjectsShowOnTheList() {
        given().get("/projects").then().statusCode(200)
                .body(containsString("Kompetanseløft reiseliv Hemsedal"))
                .body(containsString("Bredbånd til hele Flå"));
    }
}
