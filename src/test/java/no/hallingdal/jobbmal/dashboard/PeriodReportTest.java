package no.hallingdal.jobbmal.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.result.YearLock;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Fixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The period report (sluttrapport): its figures are the progress API's for the period, to the decimal. */
@QuarkusTest
class PeriodReportTest {

    static final String REPORT = "/p/" + Fixture.SEEDED + "/reports/period/1";

    @Inject
    EntityManager em;

    /** A project with results in the period (new jobs approved and pending, secured jobs, a company) and one outside. */
    long data() {
        Fixture fx = new Fixture(em);
        long p = fx.project(Accounts.uniqueName("Sluttrapportprosjekt"), "baerekraft", "8");
        fx.result(p, "3326", "baerekraft", "2022-05-01", "NEW_JOBS", "2.5", "1", "1.5", "APPROVED", "Fjellhotell AS", null, null);
        fx.result(p, "3324", "baerekraft", "2024-03-01", "NEW_JOBS", "1.5", null, null, "APPROVED", "Gol Hytte AS", null, null);
        fx.result(p, "3324", "baerekraft", "2024-04-01", "NEW_JOBS", "4.0", null, null, "PENDING", "Gol Hytte AS", null, null);
        fx.result(p, "3324", "baerekraft", "2023-04-01", "SECURED_JOBS", "3.0", null, null, "APPROVED", "Gol Hytte AS", null, null);
        fx.result(p, "3324", "baerekraft", "2023-06-01", "NEW_COMPANY", "1", null, null, "APPROVED", "Ny Bedrift AS", null, null);
        fx.result(p, "3326", "baerekraft", "2021-06-01", "NEW_JOBS", "2.0", null, null, "APPROVED", "Tidlig AS", null, null);
        return p;
    }

    static JsonPath progress(String query) {
        String body = given().get("/api/v1/progress?period=1" + query).then().statusCode(200).extract().asString();
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static String amount(Object v) {
        return Formats.amount(new BigDecimal(v.toString()), Messages.NB);
    }

    static String byId(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertTrue(m.find(), "no element #" + id);
        return m.group(1).trim();
    }

    /** The cells of the table row headed {@code head} in the table {@code tableId}. */
    static List<String> row(String html, String tableId, String head) {
        int table = html.indexOf("id=\"" + tableId + "\"");
        assertTrue(table >= 0, "no table #" + tableId);
        String rest = html.substring(table, html.indexOf("</table>", table));
        Matcher m = Pattern.compile("<th scope=\"row\">(?:<a [^>]*>)?" + Pattern.quote(head)
                + "(?:</a>)?</th>(.*?)</tr>").matcher(rest);
        assertTrue(m.find(), "no row " + head + " in #" + tableId);
        return Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(m.group(1)).results().map(r -> r.group(1)).toList();
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void everyFigureIsTheProgressApisForThePeriod() {
        long project = data();
        JsonPath api = progress("");
        String html = given().get(REPORT).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Sluttrapport Periode 1 – Sats på Hallingdal")).extract().asString();

        assertEquals(amount(api.get("goal")), byId(html, "period-goal"));
        assertEquals(amount(api.get("countedNewJobs")), byId(html, "period-counted"));
        assertEquals(amount(api.get("pendingNewJobs")), byId(html, "period-pending"));
        assertEquals(Formats.percent(new BigDecimal(api.get("percentOfGoal").toString()), Messages.NB), byId(html, "period-percent"));
        assertEquals(amount(api.get("forecastAtEnd")), byId(html, "period-forecast"));
        assertEquals(amount(api.get("securedJobs")), byId(html, "secured-jobs"));
        assertEquals(amount(api.get("newCompanies")), byId(html, "new-companies"));
        assertEquals(amount(api.get("women")), byId(html, "women"));
        assertEquals(amount(api.get("men")), byId(html, "men"));
        assertTrue(html.contains(amount(api.get("outsidePeriods.countedNewJobs")) + " godkjente og "
                + amount(api.get("outsidePeriods.pendingNewJobs")) + " ventende"), "results outside the periods");
        assertTrue(new BigDecimal(api.get("outsidePeriods.countedNewJobs").toString()).compareTo(new BigDecimal("2")) >= 0);

        List<Map<String, Object>> years = api.getList("byYear");
        assertEquals(3, years.size());
        for (Map<String, Object> y : years) {
            assertEquals(List.of(amount(y.get("target")), amount(y.get("counted")), amount(y.get("pending"))),
                    row(html, "report-years", String.valueOf(y.get("year"))), "year " + y.get("year"));
        }
        for (Map<String, Object> m : api.<Map<String, Object>>getList("byMunicipality")) {
            assertEquals(List.of(amount(m.get("counted")), amount(m.get("pending"))),
                    row(html, "report-municipalities", (String) m.get("name")), "municipality " + m.get("name"));
        }
        for (Map<String, Object> f : api.<Map<String, Object>>getList("byFocusArea")) {
            List<String> cells = row(html, "report-focus-areas", (String) f.get("name"));
            assertEquals(List.of(amount(f.get("counted")), amount(f.get("pending"))), cells.subList(1, 3),
                    "focus area " + f.get("name"));
        }

        // the project's row: expected, approved and pending new jobs in the period, and their share of the expected
        JsonPath own = progress("&project=" + project);
        assertEquals("4.0", own.get("countedNewJobs").toString());
        Matcher m = Pattern.compile("<tr data-project=\"" + project + "\">(.*?)</tr>").matcher(html);
        assertTrue(m.find(), "the project has a row");
        List<String> cells = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(m.group(1)).results()
                .map(r -> r.group(1)).toList();
        assertEquals(List.of("8", amount(own.get("countedNewJobs")), amount(own.get("pendingNewJobs")),
                "50,0\u00a0%"), cells.subList(1, 5));
        // every project of the programme has a row
        int projects = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM project WHERE programme_id = ?1").setParameter(1, Fixture.seededProgramme().id)
                .getSingleResult()).intValue());
        assertEquals(projects, Pattern.compile("<tr data-project=").matcher(html).results().count());
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void preliminaryUntilEveryYearOfThePeriodIsLocked() {
        List<Integer> years = QuarkusTransaction.requiringNew().call(() -> Fixture.seededProgramme().period(1)
                .orElseThrow().years());
        long programme = Fixture.seededProgramme().id;
        Set<Integer> before = QuarkusTransaction.requiringNew().call(() -> YearLock.lockedYears(programme));
        try {
            setLocks(programme, years.subList(0, years.size() - 1), Set.of());
            String open = String.valueOf(years.get(years.size() - 1));
            given().get(REPORT).then().statusCode(200)
                    .body(containsString("id=\"preliminary\""))
                    .body(containsString("Foreløpig."))
                    .body(containsString("(" + open + ")"))
                    .body(not(containsString("id=\"final\"")));
            setLocks(programme, years, Set.of());
            given().get(REPORT).then().statusCode(200)
                    .body(containsString("id=\"final\""))
                    .body(not(containsString("id=\"preliminary\"")))
                    .body(not(containsString("Foreløpig")));
            given().cookie("jobbmal-lang", "en").get(REPORT).then().statusCode(200)
                    .body(containsString("Period report Periode 1 – Sats på Hallingdal"))
                    .body(containsString("Final: every year of the period is locked"));
        } finally {
            setLocks(programme, before, Set.copyOf(years));
        }
        given().get("/p/" + Fixture.SEEDED + "/reports").then().statusCode(200)
                .body(containsString("href=\"/p/" + Fixture.SEEDED + "/reports/period/1\""))
                .body(containsString("href=\"/p/" + Fixture.SEEDED + "/reports/2023\""));
    }

    /** Locks exactly {@code locked} among {@code locked} ∪ {@code others}; the other years are unlocked. */
    void setLocks(long programme, java.util.Collection<Integer> locked, Set<Integer> others) {
        QuarkusTransaction.requiringNew().run(() -> {
            java.util.Set<Integer> all = new java.util.TreeSet<>(others);
            all.addAll(locked);
            for (int year : all) {
                YearLock l = YearLock.find(programme, year);
                if (l != null) {
                    l.delete();
                }
            }
            em.flush();
            for (int year : locked) {
                YearLock l = new YearLock();
                l.programmeId = programme;
                l.lockYear = year;
                l.locked = true;
                l.persist();
            }
            Fixture.dataChanged(em);
        });
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void anUnknownPeriodIsNotFound() {
        for (String index : List.of("0", "2", "99", "abc", "-1")) {
            given().get("/p/" + Fixture.SEEDED + "/reports/period/" + index).then().statusCode(404);
        }
    }

    @Test
    void aUserOfAnotherProgrammeIsRefused() {
        String code = Accounts.uniqueName("annet-program");
        String name = Accounts.uniqueName("rapport-annen");
        String password = "annet-program-passord-1";
        long user = Accounts.create(name, "board", password);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO programme (code, name, region, owner_name, county_code, county_name)"
                    + " VALUES (?1, 'Annet program', 'Annet', 'Eier', '03', 'Oslo')").setParameter(1, code).executeUpdate();
            em.createNativeQuery("UPDATE membership SET programme_id = (SELECT id FROM programme WHERE code = ?1)"
                    + " WHERE user_id = ?2").setParameter(1, code).setParameter(2, user).executeUpdate();
        });
        try {
            String session = Accounts.session(name, password);
            given().cookie("jobbmal-session", session).redirects().follow(false).get(REPORT).then().statusCode(403);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("DELETE FROM user_session WHERE user_id = ?1").setParameter(1, user).executeUpdate();
                em.createNativeQuery("DELETE FROM membership WHERE user_id = ?1").setParameter(1, user).executeUpdate();
                em.createNativeQuery("DELETE FROM programme WHERE code = ?1").setParameter(1, code).executeUpdate();
            });
            Accounts.setActive(user, false);
        }
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Programme.findByCode(code).isPresent()));
    }
}
