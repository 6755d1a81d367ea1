package no.hallingdal.jobbmal.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.programme.Period;
import no.hallingdal.jobbmal.programme.PeriodState;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.project.ProjectStatus;
import no.hallingdal.jobbmal.result.Result;
import no.hallingdal.jobbmal.result.ResultKind;
import no.hallingdal.jobbmal.result.ResultStatus;
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
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demo data at its default size, in its own profile (a separate in-memory database, loaded at start): Sats på
 * Hallingdal with its real period 1 and the demo period 2, the demo programme in Numedal, the demo users, and
 * progress figures that are what the loaded results say. The only test profile of the suite that loads demo data.
 */
@QuarkusTest
@TestProfile(DemoDataTest.DemoProfile.class)
class DemoDataTest {

    public static class DemoProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.own("jobbmal-demo", Map.of("jobbmal.demo-data", "true"));
        }
    }

    static final String MAIN = "sats-pa-hallingdal";
    static final String SECOND = "numedal-demo";

    @Inject
    DemoDataLoader loader;

    @Inject
    jakarta.transaction.UserTransaction tx;

    private static String fingerprint(Project p) {
        return p.programme.code + "|" + p.name + "|" + p.focusArea.code + "|"
                + p.municipalities.stream().map(m -> m.code).sorted().collect(Collectors.joining(",")) + "|"
                + p.phase.code() + "|" + p.status.code() + "|" + p.startDate + "|" + p.endDate + "|"
                + p.expectedNewJobs.stripTrailingZeros().toPlainString() + "|" + p.grantedFunds + "|" + p.projectOwner;
    }

    private static List<String> loaded() {
        return QuarkusTransaction.requiringNew().call(() -> Project.<Project>list("order by id").stream()
                .map(DemoDataTest::fingerprint).toList());
    }

    private static List<Project> projectsOf(String code) {
        return Project.list("programme.code = ?1 order by id", code);
    }

    @Test
    void twoProgrammesInBuskerudWithAnEndedAndRunningPeriods() {
        QuarkusTransaction.requiringNew().run(() -> {
            LocalDate today = LocalDate.now();
            Programme main = Programme.findByCode(MAIN).orElseThrow();
            Programme second = Programme.findByCode(SECOND).orElseThrow();
            assertEquals(2, Programme.count());
            assertEquals("33", main.countyCode);
            assertEquals("33", second.countyCode);
            assertTrue(second.name.contains("(demo)"), second.name);

            assertEquals(2, main.periods.size());
            Period p1 = main.periods.get(0);
            assertEquals("Periode 1", p1.name);
            assertEquals(LocalDate.of(2022, 1, 1), p1.startDate);
            assertEquals(LocalDate.of(2024, 12, 31), p1.endDate);
            assertEquals(200, p1.goal);
            assertEquals(List.of(66, 67, 67), p1.years().stream().map(p1::annualTarget).toList());
            assertEquals(PeriodState.ENDED, p1.state(today));
            Period p2 = main.periods.get(1);
            assertTrue(p2.name.contains("(demo)"), p2.name);
            assertEquals(DemoProgrammes.PERIOD_2_START, p2.startDate);
            assertEquals(LocalDate.of(2027, 12, 31), p2.endDate);
            assertTrue(p2.goal < p1.goal, "a new, lower goal");
            assertEquals(List.of(2025, 2026, 2027), p2.years());
            assertEquals(p2.goal, p2.years().stream().mapToInt(p2::annualTarget).sum(), "targets add up to the goal");
            assertEquals(PeriodState.RUNNING, p2.state(today));
            assertEquals(p2, main.defaultPeriod(today).orElseThrow());

            assertEquals(Set.of("3334", "3336", "3338"),
                    second.municipalities.stream().map(m -> m.code).collect(Collectors.toSet()));
            assertEquals(1, second.periods.size());
            Period n = second.periods.get(0);
            assertTrue(n.name.contains("(demo)"), n.name);
            assertEquals(PeriodState.RUNNING, n.state(today));
            assertEquals(n.goal, n.years().stream().mapToInt(n::annualTarget).sum());
            // Numedal's focus areas are its own
            assertEquals(List.of("reiseliv", "industri-tre", "innovasjon", "kompetanse"),
                    FocusArea.listFor(second.id).stream().map(f -> f.code).toList());
        });
    }

    @Test
    void projectsCoverEachProgrammesFocusAreasAndMunicipalitiesWithinItsPeriods() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(25, Project.count());
            for (String code : List.of(MAIN, SECOND)) {
                Programme programme = Programme.findByCode(code).orElseThrow();
                List<Project> projects = projectsOf(code);
                assertFalse(projects.isEmpty(), code);
                assertEquals(FocusArea.listFor(programme.id).stream().map(f -> f.code).collect(Collectors.toSet()),
                        projects.stream().map(p -> p.focusArea.code).collect(Collectors.toSet()), code);
                Set<String> municipalities = new HashSet<>();
                projects.forEach(p -> p.municipalities.forEach(m -> municipalities.add(m.code)));
                assertEquals(programme.municipalities.stream().map(m -> m.code).collect(Collectors.toSet()),
                        municipalities, code);
                for (Project p : projects) {
                    assertTrue(p.expectedNewJobs.compareTo(new BigDecimal("2")) >= 0
                            && p.expectedNewJobs.compareTo(new BigDecimal("20")) <= 0, p.name);
                    assertTrue(p.endDate != null && !p.endDate.isBefore(p.startDate), p.name);
                    assertTrue(programme.periods.stream().anyMatch(x -> x.contains(p.startDate) && x.contains(p.endDate)),
                            p.name + " lies within one period");
                }
            }
            List<Project> main = projectsOf(MAIN);
            assertEquals(20, main.size());
            assertEquals("Kompetanseløft reiseliv Hemsedal", main.get(0).name);
            assertEquals("Opplevelsesnæring Uvdal og Dagali", projectsOf(SECOND).get(0).name);
            assertTrue(main.stream().anyMatch(p -> p.startDate.getYear() >= 2025), "projects of period 2");
            List<Project> all = Project.listAll();
            assertTrue(all.stream().map(p -> p.status).distinct().count() >= 3, "mixed statuses");
            assertTrue(all.stream().map(p -> p.phase).distinct().count() >= 2, "mixed phases");
            assertTrue(all.stream().anyMatch(p -> p.status == ProjectStatus.ACTIVE));
            assertTrue(all.stream().anyMatch(p -> p.grantedFunds != null));
            assertTrue(all.stream().anyMatch(p -> p.grantedFunds == null));
        });
    }

    @Test
    void demoUsersForEveryRoleAndALeadInBothProgrammes() {
        QuarkusTransaction.requiringNew().run(() -> {
            long main = Programme.findByCode(MAIN).orElseThrow().id;
            long second = Programme.findByCode(SECOND).orElseThrow().id;
            User admin = User.findByUsername("demo-admin").orElseThrow();
            assertTrue(admin.is(Role.ADMIN, main));
            assertTrue(admin.roleIn(second).isEmpty());
            assertTrue(User.findByUsername("demo-admin-numedal").orElseThrow().is(Role.ADMIN, second));
            assertTrue(User.findByUsername("demo-styret").orElseThrow().is(Role.BOARD, main));
            assertTrue(User.findByUsername("demo-leder2").orElseThrow().is(Role.LEAD, main));
            assertTrue(User.findByUsername("demo-leder-numedal").orElseThrow().is(Role.LEAD, second));
            User both = User.findByUsername("demo-leder").orElseThrow();
            assertTrue(both.is(Role.LEAD, main) && both.is(Role.LEAD, second));
            for (String code : List.of(MAIN, SECOND)) {
                assertTrue(projectsOf(code).stream().anyMatch(p -> p.leads.stream()
                        .anyMatch(u -> u.username.equals("demo-leder"))), "demo-leder leads a project in " + code);
            }
            User county = User.findByUsername("demo-fylket").orElseThrow();
            assertEquals("33", county.countyCode);
            assertTrue(county.memberships.isEmpty());
            assertTrue(User.findByUsername("demo-sysadmin").orElseThrow().systemAdmin);
        });
        // each can log in with the documented password and reads what its rights give, and only that
        record Access(String user, String password, boolean main, boolean second) {
        }
        for (Access a : List.of(new Access("demo-admin", "demo-passord-1", true, false),
                new Access("demo-leder", "demo-passord-2", true, true),
                new Access("demo-leder2", "demo-passord-3", true, false),
                new Access("demo-styret", "demo-passord-4", true, false),
                new Access("demo-fylket", "demo-passord-5", true, true),
                new Access("demo-admin-numedal", "demo-passord-6", false, true),
                new Access("demo-leder-numedal", "demo-passord-7", false, true),
                new Access("demo-sysadmin", "demo-passord-8", true, true))) {
            given().auth().preemptive().basic(a.user(), a.password()).queryParam("programme", MAIN)
                    .get("/api/v1/progress").then().statusCode(a.main() ? 200 : 403);
            given().auth().preemptive().basic(a.user(), a.password()).queryParam("programme", SECOND)
                    .get("/api/v1/progress").then().statusCode(a.second() ? 200 : 403);
        }
    }

    /** Approved or pending new jobs of the programme dated from {@code first} to {@code last}. */
    private static BigDecimal sum(String programme, ResultStatus status, LocalDate first, LocalDate last) {
        return QuarkusTransaction.requiringNew().call(() -> Result.getEntityManager().createQuery(
                        "select coalesce(sum(r.amount), 0) from Result r where r.programmeId = ?1 and r.kind = ?2"
                                + " and r.status = ?3 and r.date between ?4 and ?5", BigDecimal.class)
                .setParameter(1, Programme.findByCode(programme).orElseThrow().id)
                .setParameter(2, ResultKind.NEW_JOBS).setParameter(3, status)
                .setParameter(4, first).setParameter(5, last).getSingleResult());
    }

    private static JsonPath progress(String programme, String period) {
        return given().queryParam("programme", programme).queryParam("period", period).get("/api/v1/progress")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertAmount(BigDecimal expected, Object actual, String what) {
        assertEquals(0, expected.compareTo(new BigDecimal(String.valueOf(actual))), what + ": " + actual);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void progressOfEachPeriodIsWhatTheDataSays() {
        LocalDate p1Start = LocalDate.of(2022, 1, 1);
        LocalDate p1End = LocalDate.of(2024, 12, 31);
        LocalDate p2End = LocalDate.of(2027, 12, 31);

        JsonPath p1 = progress(MAIN, "1");
        BigDecimal counted1 = sum(MAIN, ResultStatus.APPROVED, p1Start, p1End);
        assertAmount(counted1, p1.get("countedNewJobs"), "period 1 counted");
        assertAmount(sum(MAIN, ResultStatus.PENDING, p1Start, p1End), p1.get("pendingNewJobs"), "period 1 pending");
        assertEquals("ended", p1.getString("state"));
        assertEquals(counted1.compareTo(new BigDecimal("200")) >= 0 ? "reached" : "not-reached", p1.getString("status"));
        assertNull(p1.get("requiredPerMonth"));
        // the figures README documents: period 1 ends short of its goal, as the real one did
        assertEquals("not-reached", p1.getString("status"));
        assertAmount(new BigDecimal("169.3"), counted1, "period 1 counted");
        assertAmount(new BigDecimal("84.7"), p1.get("percentOfGoal"), "period 1 percent of goal");

        JsonPath p2 = progress(MAIN, "2");
        assertAmount(sum(MAIN, ResultStatus.APPROVED, DemoProgrammes.PERIOD_2_START, p2End), p2.get("countedNewJobs"),
                "period 2 counted");
        assertAmount(sum(MAIN, ResultStatus.PENDING, DemoProgrammes.PERIOD_2_START, p2End), p2.get("pendingNewJobs"),
                "period 2 pending");
        assertEquals("running", p2.getString("state"));
        assertTrue(List.of("on-track", "at-risk", "behind").contains(p2.getString("status")), p2.getString("status"));
        assertAmount(new BigDecimal("49.5"), p2.get("countedNewJobs"), "period 2 counted (README)");
        assertTrue(p2.getDouble("pendingNewJobs") > 0, "period 2 has results to approve");
        // the dashboard's default is the running period 2
        assertEquals("2", given().queryParam("programme", MAIN).get("/api/v1/progress").then().statusCode(200)
                .extract().jsonPath().getString("period"));

        // between the periods: shown apart, never toward a goal
        BigDecimal outside = sum(MAIN, ResultStatus.APPROVED, DemoDataLoader.OUTSIDE_FIRST, DemoDataLoader.OUTSIDE_LAST);
        assertAmount(new BigDecimal("6.0"), outside, "outside the periods (README)");
        assertAmount(outside, p1.get("outsidePeriods.countedNewJobs"), "outside the periods");
        JsonPath whole = progress(MAIN, "all");
        assertAmount(counted1.add(sum(MAIN, ResultStatus.APPROVED, DemoProgrammes.PERIOD_2_START, p2End)),
                whole.get("countedNewJobs"), "whole programme counted: the periods' sum, without outside");
        assertAmount(new BigDecimal(280), whole.get("goal"), "whole programme goal");
        assertAmount(sum(MAIN, ResultStatus.APPROVED, LocalDate.of(2000, 1, 1), LocalDate.now()),
                counted1.add(outside).add(new BigDecimal(p2.getString("countedNewJobs"))), "every approved result");

        JsonPath n = progress(SECOND, "1");
        assertAmount(sum(SECOND, ResultStatus.APPROVED, DemoProgrammes.SECOND_START, DemoProgrammes.SECOND_END),
                n.get("countedNewJobs"), "Numedal counted");
        assertAmount(sum(SECOND, ResultStatus.PENDING, DemoProgrammes.SECOND_START, DemoProgrammes.SECOND_END),
                n.get("pendingNewJobs"), "Numedal pending");
        assertEquals("running", n.getString("state"));
        assertAmount(new BigDecimal("34.4"), n.get("countedNewJobs"), "Numedal counted (README)");
        assertTrue(n.getDouble("countedNewJobs") > 0);
        assertAmount(sum(SECOND, ResultStatus.APPROVED, LocalDate.of(2000, 1, 1), LocalDate.now()),
                n.get("countedNewJobs"), "every Numedal result in its period");
    }

    @Test
    void resultsAreSharedOverThePeriodsAndNoneInTheFuture() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(200, Result.count());
            LocalDate today = LocalDate.now();
            assertEquals(0, Result.count("date > ?1 or registeredAt > ?2", today,
                    today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            long second = Programme.findByCode(SECOND).orElseThrow().id;
            assertEquals(200 * DemoDataLoader.SECOND_PERCENT / 100, Result.count("programmeId", second));
            long main = Programme.findByCode(MAIN).orElseThrow().id;
            assertEquals(200 * DemoDataLoader.OUTSIDE_PERCENT / 100, Result.count("programmeId = ?1 and date between ?2"
                    + " and ?3", main, DemoDataLoader.OUTSIDE_FIRST, DemoDataLoader.OUTSIDE_LAST));
            // results belong to their project's programme, in one of its municipalities
            for (Result r : Result.<Result>listAll()) {
                assertEquals(r.project.programme.id, r.programmeId);
                assertTrue(r.project.municipalities.contains(r.municipality), "result " + r.id);
            }
        });
    }

    @Test
    void isDeterministic() throws Exception {
        List<String> before = loaded();
        tx.begin();
        try {
            List<String> again = loader.load().projects.stream().map(DemoDataTest::fingerprint).toList();
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
            Programme main = Programme.findByCode(MAIN).orElseThrow();
            List<Project> many = DemoProjects.create(main, DemoProjects.HALLINGDAL,
                    List.of(new DemoProjects.Window(main.first(), main.last(), 100)), LocalDate.now(), new Random(7), 600);
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
    void eachProgrammesPagesShowItsOwnProjects() {
        given().get("/p/" + MAIN + "/projects").then().statusCode(200)
                .body(containsString("Kompetanseløft reiseliv Hemsedal"))
                .body(not(containsString("Treklynge Numedal")));
        given().get("/p/" + SECOND + "/projects").then().statusCode(200)
                .body(containsString("Treklynge Numedal"))
                .body(not(containsString("Kompetanseløft reiseliv Hemsedal")));
        given().get("/p/" + MAIN + "/").then().statusCode(200).body(containsString("Periode 2 (demo)"));
    }
}
