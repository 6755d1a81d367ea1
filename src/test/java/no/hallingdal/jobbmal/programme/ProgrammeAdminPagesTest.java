package no.hallingdal.jobbmal.programme;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.support.Forms;
import no.hallingdal.jobbmal.support.TestProgrammes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A programme's admin pages under {@code /p/{code}/admin/…}: periods (add, edit, end, with the warnings), focus
 * areas, details and municipalities, members and the history; forbidden to the admin of another programme and to
 * a board member. Each test works on a programme of its own ({@value #CODE}), removed afterwards.
 */
@QuarkusTest
class ProgrammeAdminPagesTest {

    static final String CODE = "pages-test-numedal";
    static final String BASE = "/p/" + CODE + "/admin";
    static final String ADMIN = "pages-test-admin";
    static final String BOARD = "pages-test-board";
    static final String LEAD = "pages-test-lead";

    @BeforeEach
    void programme() {
        TestProgrammes.remove(CODE);
        TestProgrammes.create(CODE);
        TestProgrammes.member(ADMIN, CODE, "admin");
        TestProgrammes.member(BOARD, CODE, "board");
        QuarkusTransaction.requiringNew().run(() -> User.<User>findByUsername(LEAD).ifPresent(u -> u.memberships.clear()));
    }

    @AfterEach
    void remove() {
        TestProgrammes.remove(CODE);
    }

    private static long version() {
        return QuarkusTransaction.requiringNew().call(() -> Programme.findByCode(CODE).orElseThrow().version);
    }

    private static Programme stored() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Programme p = Programme.findByCode(CODE).orElseThrow();
            p.periods.forEach(x -> {
                x.annualTargets.size();
                x.focusAreaTargets.size();
            });
            return p;
        });
    }

    private static Map<String, Object> period(String name, String start, String end, String goal) {
        Map<String, Object> f = new HashMap<>();
        f.put("version", version());
        f.put("name", name);
        f.put("start", start);
        f.put("end", end);
        f.put("goal", goal);
        return f;
    }

    @Test
    @TestSecurity(user = ADMIN, roles = "admin")
    void theAdminAddsEditsAndEndsPeriods() {
        given().get(BASE).then().statusCode(200).body(containsString(BASE + "/periods"));
        given().get(BASE + "/periods").then().statusCode(200).body(containsString("Periode 1"));
        given().get(BASE + "/periods/new").then().statusCode(200).body(containsString("name=\"annualTargets."));

        Map<String, Object> second = period("Periode 2", "2028-01-01", "2030-12-31", "30");
        second.put("annualTargets.2028", "10");
        second.put("annualTargets.2029", "10");
        second.put("annualTargets.2030", "5");
        second.put("focusAreaTargets.naering", "30");
        Forms.post(BASE + "/periods/new", BASE + "/periods", second).then().statusCode(303)
                .header("Location", endsWith(BASE + "/periods"));
        Programme p = stored();
        assertEquals(List.of("Periode 1", "Periode 2"), p.periods.stream().map(x -> x.name).toList());
        assertEquals(25, p.periods.get(1).annualTargets.stream().mapToInt(t -> t.target).sum());
        assertEquals(30, p.periods.get(1).focusAreaTargets.get(0).target);
        // 10 + 10 + 5 is not 30: a warning, not an error
        given().get(BASE + "/periods").then().statusCode(200).body(containsString("Periode 2: "))
                .body(containsString("alert-warning"));

        Map<String, Object> edit = period("Periode 2 (revidert)", "2028-01-01", "2030-12-31", "25");
        Forms.post(BASE + "/periods/2", BASE + "/periods/2", edit).then().statusCode(303);
        assertEquals(25, stored().periods.get(1).goal);
        // the form of a moment ago is stale now
        Forms.post(BASE + "/periods/2", BASE + "/periods/2", edit).then().statusCode(409)
                .body(containsString("Periode 2 (revidert)"));

        // ending the running period today-or-earlier drops the targets of the years after the end
        LocalDate end = LocalDate.of(2026, 6, 30);
        Forms.post(BASE + "/periods/1", BASE + "/periods/1/end", Map.of("version", version(), "endDate", end.toString()))
                .then().statusCode(303);
        Period first = stored().periods.get(0);
        assertEquals(end, first.endDate);
        assertEquals(List.of(2025, 2026), first.annualTargets.stream().map(t -> t.year).sorted().toList());

        given().get(BASE + "/history").then().statusCode(200).body(containsString("Periode 2 (revidert)"))
                .body(containsString("2026-06-30"));
    }

    @Test
    @TestSecurity(user = ADMIN, roles = "admin")
    void badPeriodsAre400sWithTheInputKept() {
        Map<String, Object> overlap = period("Overlapper", "2027-06-01", "2029-12-31", "10");
        Forms.post(BASE + "/periods/new", BASE + "/periods", overlap).then().statusCode(400)
                .body(containsString("Overlapper")).body(containsString("id=\"f-start-error\""));
        Map<String, Object> bad = period("", "2031-01-01", "2030-01-01", "null");
        bad.put("annualTargets.2030", "-4");
        Response r = Forms.post(BASE + "/periods/new", BASE + "/periods", bad);
        r.then().statusCode(400);
        for (String field : List.of("name", "end", "goal")) {
            assertTrue(r.asString().contains("id=\"f-" + field + "-error\""), field + " is named: " + r.asString());
        }
        Forms.post(BASE + "/periods/1", BASE + "/periods/1/end",
                Map.of("version", version(), "endDate", LocalDate.now().plusDays(1).toString()))
                .then().statusCode(400).body(containsString("id=\"f-endDate-error\""));
        Forms.post(BASE + "/periods/1", BASE + "/periods/1/end", Map.of("version", version(), "endDate", "i går"))
                .then().statusCode(400).body(containsString("id=\"f-endDate-error\""));
        given().get(BASE + "/periods/3").then().statusCode(404);
        assertEquals(1, stored().periods.size(), "nothing saved");
    }

    @Test
    @TestSecurity(user = ADMIN, roles = "admin")
    void theAdminKeepsTheFocusAreas() {
        given().get(BASE + "/focus-areas").then().statusCode(200).body(containsString("Næringsutvikling"));
        Forms.post(BASE + "/focus-areas", BASE + "/focus-areas",
                Map.of("code", "reiseliv", "nameNb", "Reiseliv", "nameEn", "Tourism")).then().statusCode(303);
        Forms.post(BASE + "/focus-areas", BASE + "/focus-areas",
                Map.of("code", "reiseliv", "nameNb", "Igjen", "nameEn", "Again")).then().statusCode(400)
                .body(containsString("id=\"f-code-error\"")).body(containsString("Igjen"));
        Forms.post(BASE + "/focus-areas", BASE + "/focus-areas",
                Map.of("code", "Med Mellomrom", "nameNb", "", "nameEn", "X")).then().statusCode(400)
                .body(containsString("id=\"f-code-error\"")).body(containsString("id=\"f-nameNb-error\""));
        Forms.post(BASE + "/focus-areas/reiseliv", BASE + "/focus-areas/reiseliv",
                Map.of("nameNb", "Reiseliv og opplevelser", "nameEn", "Tourism", "sortOrder", "5")).then().statusCode(303);
        given().get(BASE + "/focus-areas/reiseliv").then().statusCode(200).body(containsString("Reiseliv og opplevelser"));
        Forms.post(BASE + "/focus-areas", BASE + "/focus-areas/reiseliv/remove", Map.of()).then().statusCode(303);
        given().get(BASE + "/focus-areas/reiseliv").then().statusCode(404);
        given().get(BASE + "/history").then().statusCode(200).body(containsString("reiseliv"));
    }

    @Test
    @TestSecurity(user = ADMIN, roles = "admin")
    void theAdminChangesTheDetailsAndMunicipalities() {
        Map<String, Object> f = new HashMap<>();
        f.put("version", version());
        f.put("name", "Omstilling Numedal");
        f.put("region", "Numedal");
        f.put("owner", "Numedal næringsforum");
        f.put("countyCode", "33");
        f.put("countyName", "Buskerud fylkeskommune");
        f.put("municipalities", List.of("3334", "3336", "3338"));
        Forms.post(BASE + "/details", BASE + "/details", f).then().statusCode(303);
        Programme p = stored();
        assertEquals("Omstilling Numedal", p.name);
        assertEquals(List.of("3334", "3336", "3338"), p.municipalities.stream().map(m -> m.code).toList());

        f.put("version", version());
        f.put("countyCode", "Buskerud");
        f.put("name", "");
        Forms.post(BASE + "/details", BASE + "/details", f).then().statusCode(400)
                .body(containsString("id=\"f-countyCode-error\"")).body(containsString("id=\"f-name-error\""))
                .body(containsString("value=\"Buskerud\""));
        f.put("version", 0);
        f.put("countyCode", "33");
        f.put("name", "Gammel");
        Forms.post(BASE + "/details", BASE + "/details", f).then().statusCode(409);
        assertEquals("Omstilling Numedal", stored().name);
    }

    @Test
    @TestSecurity(user = ADMIN, roles = "admin")
    void theAdminManagesTheMembers() {
        long lead = TestProgrammes.member(LEAD, CODE, "board");
        given().get(BASE + "/members").then().statusCode(200).body(containsString(ADMIN)).body(containsString(BOARD));
        Forms.post(BASE + "/members", BASE + "/members", Map.of("username", "no-such-user", "role", "board"))
                .then().statusCode(400).body(containsString("id=\"f-username-error\""));
        Forms.post(BASE + "/members", BASE + "/members", Map.of("username", BOARD, "role", "lead"))
                .then().statusCode(400).body(containsString("id=\"f-username-error\""));
        Forms.post(BASE + "/members/" + lead, BASE + "/members/" + lead, Map.of("role", "county"))
                .then().statusCode(400).body(containsString("id=\"f-role-error\""));
        Forms.post(BASE + "/members/" + lead, BASE + "/members/" + lead, Map.of("role", "lead"))
                .then().statusCode(303);
        assertEquals("lead", QuarkusTransaction.requiringNew().call(() -> User.<User>findById(lead).memberships.get(0).role));

        // the last admin stays
        long admin = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(ADMIN).orElseThrow().id);
        Forms.post(BASE + "/members", BASE + "/members/" + admin + "/remove", Map.of()).then().statusCode(400);
        Forms.post(BASE + "/members/" + admin, BASE + "/members/" + admin, Map.of("role", "board")).then().statusCode(400)
                .body(containsString("id=\"f-role-error\""));

        Forms.post(BASE + "/members", BASE + "/members/" + lead + "/remove", Map.of()).then().statusCode(303);
        given().get(BASE + "/members/" + lead).then().statusCode(404);
        Forms.post(BASE + "/members", BASE + "/members", Map.of("username", LEAD, "role", "board")).then().statusCode(303);
        given().get(BASE + "/history").then().statusCode(200).body(containsString(LEAD));
    }

    @Test
    @TestSecurity(user = ADMIN, roles = "admin")
    void theAdminOfOneProgrammeGets403ForAnother() {
        for (String page : List.of("", "/details", "/periods", "/periods/1", "/focus-areas", "/members", "/history")) {
            given().redirects().follow(false).get("/p/sats-pa-hallingdal/admin" + page).then().statusCode(403);
        }
        Forms.post(BASE + "/periods", "/p/sats-pa-hallingdal/admin/periods",
                period("Kapret", "2030-01-01", "2030-12-31", "5")).then().statusCode(403);
        Forms.post(BASE + "/focus-areas", "/p/sats-pa-hallingdal/admin/focus-areas",
                Map.of("code", "kapret", "nameNb", "K", "nameEn", "K")).then().statusCode(403);
        given().get("/admin/system").then().statusCode(403);
        given().get("/admin/system/programmes").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = BOARD, roles = "board")
    void aBoardMemberGets403OnTheAdminPages() {
        for (String page : List.of("", "/details", "/periods", "/focus-areas", "/members", "/history")) {
            given().redirects().follow(false).get(BASE + page).then().statusCode(403)
                    .body(not(containsString("Numedal næringsforum")));
        }
    }
}
