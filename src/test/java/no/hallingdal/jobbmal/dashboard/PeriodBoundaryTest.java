package no.hallingdal.jobbmal.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.support.Programmes;
import no.hallingdal.jobbmal.support.SeveralProgrammes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The period states and statuses at their boundaries (docs/dashboard.md, the figures), with a fixed "today": the day
 * before a period starts, its first day, its last day and the day after; which period the dashboard opens on; the
 * whole-programme view; and results outside every period, shown apart and never toward a goal. A programme of its own
 * with two periods and a gap between them:
 * <pre>
 * period 1  2021-01-01 – 2022-12-31  goal 10  approved 4 (2021-06-01) + 6 (2022-12-31, its last day) = 10: reached
 * gap       2023-01-01 – 2023-02-28           approved 2.5 (2023-02-15): outside every period
 * period 2  2023-03-01 – 2025-02-28  goal 20  approved 3 (its first day) + 2 + 1 (its last day) = 6, pending 1.5
 * after     2025-03-01 –                      approved 0.5 (the day after): outside every period
 * </pre>
 * Period 2 has 731 days (2024 is a leap year).
 */
@QuarkusTest
@TestProfile(SeveralProgrammes.class)
class PeriodBoundaryTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password-1";

    @Inject
    ProgressService service;

    static Programmes.Made programme;

    static synchronized Programmes.Made programme() {
        if (programme == null) {
            Programmes.Made p = Programmes.create(Programmes.uniqueCode("grensetest"), "Grensetest", "33",
                    "Buskerud fylkeskommune", List.of("3334", "3336"), Map.of("industri", "Industri"),
                    List.of(Programmes.PeriodSpec.of("Periode 1", "2021-01-01", "2022-12-31", 10,
                                    Map.of(2021, 5, 2022, 5)),
                            Programmes.PeriodSpec.of("Periode 2", "2023-03-01", "2025-02-28", 20,
                                    Map.of(2023, 8, 2024, 10, 2025, 2))));
            long project = Programmes.project(p.id(), "Grenseprosjekt", "industri", List.of("3334", "3336"), "30");
            Programmes.result(project, "3334", "2021-06-01", "NEW_JOBS", "4.0", "APPROVED");
            Programmes.result(project, "3334", "2022-12-31", "NEW_JOBS", "6.0", "APPROVED");
            Programmes.result(project, "3336", "2023-02-15", "NEW_JOBS", "2.5", "APPROVED");
            Programmes.result(project, "3334", "2023-03-01", "NEW_JOBS", "3.0", "APPROVED");
            Programmes.result(project, "3336", "2024-06-01", "NEW_JOBS", "2.0", "APPROVED");
            Programmes.result(project, "3336", "2024-07-01", "NEW_JOBS", "1.5", "PENDING");
            Programmes.result(project, "3334", "2025-02-28", "NEW_JOBS", "1.0", "APPROVED");
            Programmes.result(project, "3334", "2025-03-01", "NEW_JOBS", "0.5", "APPROVED");
            programme = p;
        }
        return programme;
    }

    Progress progress(int period, String today) {
        long id = programme().id();
        return QuarkusTransaction.requiringNew().call(() ->
                service.progress(ProgressFilter.of(id, period), Messages.NB, LocalDate.parse(today)));
    }

    /** Fixes the application's clock (the dashboard's and the API's "today") at noon in Oslo on {@code day}. */
    static void today(String day) {
        QuarkusMock.installMockForType(Clock.fixed(LocalDate.parse(day).atTime(12, 0).atZone(Formats.ZONE).toInstant(),
                Formats.ZONE), Clock.class);
    }

    @AfterEach
    void clock() {
        QuarkusMock.installMockForType(Clock.system(Formats.ZONE), Clock.class);
    }

    static JsonPath api(String query) {
        String body = given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/api/v1/progress?programme="
                + programme().code() + query).then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static String dashboard(String query) {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/p/" + programme().code() + "/" + query)
                .then().statusCode(200).extract().asString();
    }

    /** The text of the element with this id on the page (tags removed, spaces normalised). */
    static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</(dd|span|p)>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no element #" + id);
        return m.group(1).replaceAll("<[^>]+>", "").replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    @ParameterizedTest(name = "period 2 on {0}: {1}, {2}")
    @CsvSource({
            // day,        state,       status,       percent of time, forecast, required per month
            "2023-02-28, not-started, not-started, 0.0,   0.0,    0.6",   // 14 missing × 30.44 / 731 days = 0.58
            "2023-03-01, running,     on-track,    0.1,   4386.0, 0.6",   // 6 × 731 / 1; 14 × 30.44 / 730
            "2025-02-28, running,     behind,      100.0, 6.0,    426.2", // the last day: today is what remains
            "2025-03-01, ended,       not-reached, 100.0, 6.0,    ''",    // no pace after the end: null, not 0
    })
    void periodTwoAtItsBoundaries(String day, String state, String status, String percentOfTime, String forecast,
            String required) {
        Progress p = progress(2, day);
        assertEquals("2", p.period());
        assertEquals("Periode 2", p.periodName());
        assertEquals(state, p.state());
        assertEquals(status, p.status());
        assertEquals(new BigDecimal("20"), p.goal());
        assertEquals(new BigDecimal("6.0"), p.countedNewJobs(), "its first and last day count");
        assertEquals(new BigDecimal("1.5"), p.pendingNewJobs());
        assertEquals(new BigDecimal("30.0"), p.percentOfGoal());
        assertEquals(new BigDecimal(percentOfTime), p.percentOfTime());
        assertEquals(new BigDecimal(forecast), p.forecastAtEnd());
        if (required.isEmpty()) {
            assertNull(p.requiredPerMonth());
        } else {
            assertEquals(new BigDecimal(required), p.requiredPerMonth());
        }
        assertEquals(LocalDate.of(2023, 3, 1), p.periodStart());
        assertEquals(LocalDate.of(2025, 2, 28), p.periodEnd());
        // the gap and the day after are outside every period, whichever period is shown
        assertEquals(new BigDecimal("3.0"), p.outsidePeriods().countedNewJobs());
        assertEquals(List.of(2023, 2024, 2025), p.byYear().stream().map(Progress.YearRow::year).toList());
        assertEquals(new BigDecimal("3.0"), p.byYear().get(0).counted(), "2023: the first day only, not the gap");
        assertEquals(new BigDecimal("1.0"), p.byYear().get(2).counted(), "2025: the last day only, not the day after");
    }

    @Test
    void anEndedPeriodThatReachedItsGoal() {
        Progress p = progress(1, "2023-01-01");
        assertEquals("ended", p.state());
        assertEquals("reached", p.status(), "counted 10 ≥ goal 10, its last day included");
        assertEquals(new BigDecimal("10.0"), p.countedNewJobs());
        assertEquals(new BigDecimal("10.0"), p.forecastAtEnd());
        assertEquals(new BigDecimal("100.0"), p.percentOfTime());
        assertEquals(new BigDecimal("100.0"), p.percentOfGoal());
        assertNull(p.requiredPerMonth());
        // on its last day it still runs
        Progress last = progress(1, "2022-12-31");
        assertEquals("running", last.state());
        assertEquals("on-track", last.status());
        assertEquals(new BigDecimal("0.0"), last.requiredPerMonth(), "nothing missing: a pace of 0 while running");
    }

    @ParameterizedTest(name = "today {0}: the dashboard opens on {1}")
    @CsvSource({
            "2020-06-01, 1, not-started", // before every period: the next one
            "2021-01-01, 1, running",
            "2023-01-01, 1, ended",       // in the gap: the most recently ended, not the next
            "2023-02-28, 1, ended",
            "2023-03-01, 2, running",     // the running one
            "2025-02-28, 2, running",
            "2025-03-01, 2, ended",       // after every period: the last ended
    })
    void theDashboardOpensOnTheRunningPeriodElseTheLastEndedElseTheNext(String day, String index, String state) {
        Programme p = QuarkusTransaction.requiringNew().call(() -> Programme.findById(programme().id()));
        assertEquals(Integer.parseInt(index), p.indexOf(p.defaultPeriod(LocalDate.parse(day)).orElseThrow()));
        today(day);
        JsonPath api = api("");
        assertEquals(index, api.getString("period"), "the API's default period");
        assertEquals(state, api.getString("state"));
        String html = dashboard("");
        assertTrue(html.contains("href=\"/p/" + programme().code() + "/?period=" + index + "\" aria-current=\"page\""),
                "the period switch marks period " + index);
        assertTrue(text(html, "period-state").startsWith("Periode " + index + ":"), text(html, "period-state"));
    }

    @Test
    void afterTheEndTheDashboardShowsReachedOrNotAndNoPace() {
        today("2025-03-01");
        JsonPath api = api("&period=2");
        assertEquals("not-reached", api.getString("status"));
        assertNull(api.get("requiredPerMonth"), "null in JSON");
        String html = dashboard("?period=2");
        String pace = text(html, "required-per-month");
        assertTrue(pace.startsWith("–") && !pace.matches(".*\\d.*"), "a dash, never 0: " + pace);
        assertEquals("Ikke nådd", text(html, "status"));
        assertEquals("6", text(html, "forecast"), "the forecast is what was counted");
        assertTrue(text(html, "percent-of-time").matches("100(,0)? %"), text(html, "percent-of-time"));
        assertTrue(text(html, "period-state").contains("Avsluttet"), text(html, "period-state"));
        String reached = dashboard("?period=1");
        assertEquals("Nådd", text(reached, "status"));
        // while the period runs, the pace is a number
        today("2025-02-28");
        String running = dashboard("?period=2");
        assertEquals("426,2", text(running, "required-per-month"));
    }

    @Test
    void theWholeProgrammeSumsThePeriods() {
        Progress p = progress(ProgressFilter.WHOLE, "2024-01-01");
        assertEquals("all", p.period());
        assertNull(p.periodName());
        assertEquals(new BigDecimal("30"), p.goal(), "10 + 20");
        assertEquals(LocalDate.of(2021, 1, 1), p.periodStart(), "the first period's start");
        assertEquals(LocalDate.of(2025, 2, 28), p.periodEnd(), "the last period's end");
        assertEquals(new BigDecimal("16.0"), p.countedNewJobs(), "10 + 6: the gap and the day after do not count");
        assertEquals(new BigDecimal("1.5"), p.pendingNewJobs());
        assertEquals(new BigDecimal("3.0"), p.outsidePeriods().countedNewJobs());
        assertEquals(new BigDecimal("0.0"), p.outsidePeriods().pendingNewJobs());
        assertEquals("running", p.state());
        assertEquals(List.of(2021, 2022, 2023, 2024, 2025), p.byYear().stream().map(Progress.YearRow::year).toList());
        assertEquals(new BigDecimal("8"), p.byYear().get(2).target(), "2023: period 2's target");
        assertEquals(new BigDecimal("3.0"), p.byYear().get(2).counted(), "2023 without the gap");
        BigDecimal sum = p.byYear().stream().map(Progress.YearRow::counted).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(p.countedNewJobs()), "the years add up to the counted figure");
        Progress.MonthRow last = p.byMonth().get(p.byMonth().size() - 1);
        assertEquals("2025-02", last.month());
        assertEquals(new BigDecimal("16.0"), last.counted());
        // the same over HTTP, and the dashboard's switch marks the whole programme
        today("2024-01-01");
        JsonPath api = api("&period=all");
        assertEquals(new BigDecimal("30"), api.getObject("goal", BigDecimal.class));
        assertEquals(new BigDecimal("16.0"), api.getObject("countedNewJobs", BigDecimal.class));
        assertEquals("2021-01-01", api.getString("periodStart"));
        String html = dashboard("?period=all");
        assertTrue(html.contains("href=\"/p/" + programme().code() + "/?period=all\" aria-current=\"page\""));
    }

    @Test
    void resultsOutsideEveryPeriodAreShownApartAndNeverTowardAGoal() {
        for (int period : List.of(1, 2, ProgressFilter.WHOLE)) {
            Progress p = progress(period, "2026-01-01");
            assertEquals(new BigDecimal("3.0"), p.outsidePeriods().countedNewJobs(), "period " + period);
            assertEquals(new BigDecimal("0.0"), p.outsidePeriods().pendingNewJobs(), "period " + period);
            if (period != ProgressFilter.WHOLE) {
                assertFalse(p.byMonth().stream().anyMatch(m -> m.month().equals("2023-01") || m.month().equals("2023-02")),
                        "the gap has no month in period " + period + "'s view");
            }
        }
        // the whole programme runs from the first start to the last end, the gap's months included: the cumulative
        // counted figure stays flat through them (the 2.5 dated in the gap is not added)
        Map<String, BigDecimal> whole = progress(ProgressFilter.WHOLE, "2026-01-01").byMonth().stream()
                .collect(java.util.stream.Collectors.toMap(Progress.MonthRow::month, Progress.MonthRow::counted));
        assertEquals(new BigDecimal("10.0"), whole.get("2022-12"));
        assertEquals(whole.get("2022-12"), whole.get("2023-01"), "the gap's first month");
        assertEquals(whole.get("2022-12"), whole.get("2023-02"), "the gap's last month");
        assertEquals(new BigDecimal("13.0"), whole.get("2023-03"), "period 2's first day");
        today("2026-01-01");
        String html = dashboard("?period=2");
        assertTrue(text(html, "outside-periods").contains("3"), text(html, "outside-periods"));
        assertTrue(html.contains("/p/" + programme().code() + "/results?period=outside"), "a link to them");
        // the results list: outside, each period, all
        Map<String, List<String>> dates = Map.of(
                "outside", List.of("2023-02-15", "2025-03-01"),
                "1", List.of("2021-06-01", "2022-12-31"),
                "2", List.of("2023-03-01", "2024-06-01", "2024-07-01", "2025-02-28"));
        for (var e : dates.entrySet()) {
            JsonPath list = new JsonPath(given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD)
                    .get("/api/v1/results?programme=" + programme().code() + "&period=" + e.getKey() + "&sort=date-asc&size=200")
                    .then().statusCode(200).extract().asString());
            assertEquals(e.getValue(), list.getList("items.date").stream().map(String::valueOf).sorted().toList(),
                    "period=" + e.getKey());
        }
        assertEquals(8, given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD)
                .get("/api/v1/results?programme=" + programme().code() + "&period=all").then().statusCode(200)
                .extract().jsonPath().getInt("total"));
        String page = given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD)
                .get("/p/" + programme().code() + "/results?period=outside").then().statusCode(200).extract().asString();
        assertTrue(page.contains("15.02.2023") && page.contains("01.03.2025"), "the page lists the results outside");
        assertFalse(page.contains("01.03.2023"), "and not those of period 2");
    }
}
