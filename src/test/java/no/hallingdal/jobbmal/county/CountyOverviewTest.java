package no.hallingdal.jobbmal.county;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.export.CsvDialect;
import no.hallingdal.jobbmal.support.Accounts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static no.hallingdal.jobbmal.county.CountyFixtures.PeriodSpec;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county overview (docs/dashboard.md, "County overview"): two programmes of one county and one of another, with
 * results inside and outside their periods. Every row of the page, the API, both CSV dialects and the XLSX equals
 * {@code /api/v1/progress?programme=…&period=…} for that programme and period, to the decimal; the other county's
 * programme never appears; and only the county's users and system administrators get in.
 */
@QuarkusTest
class CountyOverviewTest {

    static final String COUNTY = "97";
    static final String OTHER = "98";
    static final String PASSWORD = "fylke-passord-1";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password-1";

    @Inject
    EntityManager em;

    /** The data set: returns the codes of county 97's two programmes and county 98's. */
    record Data(String ringerike, String hurum, String other) {
    }

    static Data data(CountyFixtures fx) {
        // Ringeriksregionen: an ended period and a running one; results before, in and between them, and a returned one
        String ringerike = "ringerike-" + fx.run;
        long r = fx.programme(ringerike, "Ringeriksregionen " + fx.run, COUNTY,
                new PeriodSpec("Periode 1", "2019-01-01", "2021-12-31", 50),
                new PeriodSpec("Periode 2", "2022-01-01", "2030-12-31", 40));
        long rp = fx.project(r);
        fx.result(rp, "2018-06-01", "3.0", "APPROVED");    // before every period
        fx.result(rp, "2020-05-05", "12.5", "APPROVED");
        fx.result(rp, "2021-12-31", "1.5", "PENDING");     // the last day of period 1
        fx.result(rp, "2020-07-07", "4.0", "RETURNED");    // counts nowhere
        fx.result(rp, "2020-08-08", "SECURED_JOBS", "6.0", "APPROVED"); // never toward the goal
        fx.result(rp, "2022-01-01", "7.0", "APPROVED");    // the first day of period 2
        fx.result(rp, "2024-02-02", "2.5", "PENDING");
        // Hurum: an ended period whose goal was reached, and one that has not started; a result between them
        String hurum = "hurum-" + fx.run;
        long h = fx.programme(hurum, "Hurum " + fx.run, COUNTY,
                new PeriodSpec("Første periode", "2020-01-01", "2023-12-31", 10),
                new PeriodSpec("Andre periode", "2035-01-01", "2037-12-31", 20));
        long hp = fx.project(h);
        fx.result(hp, "2021-01-01", "10.0", "APPROVED");
        fx.result(hp, "2024-06-01", "5.0", "APPROVED");    // after period 1: outside every period
        // another county's programme: never in county 97's overview
        String other = "annet-fylke-" + fx.run;
        long o = fx.programme(other, "Annet fylke " + fx.run, OTHER,
                new PeriodSpec("Periode 1", "2020-01-01", "2030-12-31", 99));
        fx.result(fx.project(o), "2022-01-01", "99.0", "APPROVED");
        return new Data(ringerike, hurum, other);
    }

    static JsonPath json(String body) {
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static JsonPath progress(String user, String password, String programme, int period) {
        return json(given().auth().preemptive().basic(user, password)
                .get("/api/v1/progress?programme=" + programme + "&period=" + period).then().statusCode(200)
                .extract().asString());
    }

    static BigDecimal dec(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    @Test
    void everyRowEqualsTheProgrammesProgressForThatPeriodInThePageTheApiTheCsvAndTheXlsx() throws Exception {
        try (CountyFixtures fx = new CountyFixtures(em)) {
            Data d = data(fx);
            String user = CountyFixtures.countyUser("fylke97", COUNTY, PASSWORD);

            JsonPath api = json(given().auth().preemptive().basic(user, PASSWORD).get("/api/v1/county/" + COUNTY)
                    .then().statusCode(200).contentType(containsString("application/json")).extract().asString());
            assertEquals(COUNTY, api.getString("countyCode"));
            assertEquals("Testfylke " + COUNTY, api.getString("countyName"));
            List<Map<String, Object>> rows = api.getList("rows");
            // one row per programme and period, by programme name (Hurum before Ringeriksregionen), then period start
            assertEquals(List.of(d.hurum() + "/1", d.hurum() + "/2", d.ringerike() + "/1", d.ringerike() + "/2"),
                    rows.stream().map(r -> r.get("programme") + "/" + r.get("period")).toList());
            assertFalse(api.prettify().contains(d.other()), "the other county's programme never appears");

            // the figures themselves, worked out by hand: results outside the periods and returned ones count nowhere
            assertRow(rows.get(0), "Første periode", "ended", "10", "10.0", "0.0", "100.0", "100.0", "reached");
            assertRow(rows.get(1), "Andre periode", "not-started", "20", "0.0", "0.0", "0.0", "0.0", "not-started");
            assertRow(rows.get(2), "Periode 1", "ended", "50", "12.5", "1.5", "25.0", "100.0", "not-reached");
            assertEquals("running", rows.get(3).get("state"));
            assertEquals(new BigDecimal("7.0"), dec(rows.get(3).get("counted")));
            assertEquals(new BigDecimal("2.5"), dec(rows.get(3).get("pending")));
            assertNull(rows.get(2).get("requiredPerMonth"), "no pace needed after the end");

            // every field of every row equals /api/v1/progress for that programme and period
            List<JsonPath> expected = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                JsonPath p = progress(user, PASSWORD, (String) row.get("programme"), (Integer) dec(row.get("period"))
                        .intValueExact());
                expected.add(p);
                assertEquals(p.getString("programme"), row.get("programme"));
                assertEquals(p.getString("period"), row.get("period").toString());
                assertEquals(p.getString("periodName"), row.get("periodName"));
                assertEquals(p.getString("periodStart"), row.get("start"));
                assertEquals(p.getString("periodEnd"), row.get("end"));
                assertEquals(p.getString("state"), row.get("state"));
                assertEquals(p.getString("status"), row.get("status"));
                for (String[] f : FIGURES) {
                    assertEquals(dec(p.get(f[0])), dec(row.get(f[1])), row.get("programme") + " " + f[1]);
                }
            }

            String session = Accounts.session(user, PASSWORD);
            assertPage(given().cookie("jobbmal-session", session).get("/county/" + COUNTY).then().statusCode(200)
                    .extract().asString(), rows, expected, d);
            for (CsvDialect dialect : CsvDialect.values()) {
                assertCsv(given().cookie("jobbmal-session", session)
                        .get("/export/programmes.csv" + (dialect == CsvDialect.EXCEL_NB ? "" : "?dialect=rfc4180")),
                        dialect, rows, expected, d);
            }
            Response xlsx = given().cookie("jobbmal-session", session).get("/export/programmes.xlsx");
            xlsx.then().statusCode(200).contentType(containsString("spreadsheetml"))
                    .header("Content-Disposition", containsString("jobbmal-programmer-fylke-97.xlsx"));
            assertXlsx(xlsx.asByteArray(), rows, expected, d);

            // a system administrator names the county; the other county's overview has only its own programme
            JsonPath other = json(given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD)
                    .get("/api/v1/county/" + OTHER).then().statusCode(200).extract().asString());
            assertEquals(List.of(d.other()), other.getList("rows.programme"));
            assertEquals(rows.size(), given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD)
                    .get("/export/programmes.csv?dialect=rfc4180&countyCode=" + COUNTY).then().statusCode(200)
                    .extract().asString().split("\r\n").length - 1);
        }
    }

    /** The numeric fields: the progress API's name and the county row's. */
    static final String[][] FIGURES = {{"goal", "goal"}, {"countedNewJobs", "counted"}, {"pendingNewJobs", "pending"},
            {"percentOfGoal", "percentOfGoal"}, {"percentOfTime", "percentOfTime"},
            {"forecastAtEnd", "forecastAtEnd"}, {"requiredPerMonth", "requiredPerMonth"}};

    static void assertRow(Map<String, Object> row, String periodName, String state, String goal, String counted,
            String pending, String percentOfGoal, String percentOfTime, String status) {
        assertEquals(periodName, row.get("periodName"));
        assertEquals(state, row.get("state"));
        assertEquals(new BigDecimal(goal), dec(row.get("goal")));
        assertEquals(new BigDecimal(counted), dec(row.get("counted")));
        assertEquals(new BigDecimal(pending), dec(row.get("pending")));
        assertEquals(new BigDecimal(percentOfGoal), dec(row.get("percentOfGoal")));
        assertEquals(new BigDecimal(percentOfTime), dec(row.get("percentOfTime")));
        assertEquals(status, row.get("status"));
    }

    static final Pattern ROW = Pattern.compile("<tr data-programme=\"([^\"]+)\" data-period=\"(\\d+)\">(.*?)</tr>",
            Pattern.DOTALL);
    static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

    /** The table's cells, as text: each row's programme, period and figures as the page shows them (nb). */
    static void assertPage(String html, List<Map<String, Object>> rows, List<JsonPath> expected, Data d) {
        assertFalse(html.contains(d.other()), "the other county's programme never appears");
        assertTrue(html.contains("aria-current=\"page\">Fylkesoversikt</a>"), "the header marks the county overview");
        assertTrue(html.contains("data-chart="), "the chart's data");
        Matcher m = ROW.matcher(html);
        int i = 0;
        while (m.find()) {
            JsonPath p = expected.get(i);
            assertEquals(rows.get(i).get("programme"), m.group(1));
            assertEquals(rows.get(i).get("period").toString(), m.group(2));
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(m.group(3));
            while (c.find()) {
                cells.add(c.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim());
            }
            assertTrue(m.group(3).contains("href=\"/p/" + m.group(1) + "/?period=" + m.group(2) + "\""), "dashboard link");
            assertTrue(cells.get(1).startsWith(p.getString("periodName") + " ("
                    + Formats.date(LocalDate.parse(p.getString("periodStart")), Messages.NB) + "–"), cells.get(1));
            assertEquals(Formats.amount(dec(p.get("goal")), Messages.NB), cells.get(2));
            assertEquals(Formats.amount(dec(p.get("countedNewJobs")), Messages.NB), cells.get(3));
            assertEquals(Formats.amount(dec(p.get("pendingNewJobs")), Messages.NB), cells.get(4));
            assertEquals(Formats.percent(dec(p.get("percentOfGoal")), Messages.NB), cells.get(5));
            assertEquals(Formats.percent(dec(p.get("percentOfTime")), Messages.NB), cells.get(6));
            assertEquals(new Messages().get(Messages.NB, "status." + p.getString("status")), cells.get(7));
            assertTrue(m.group(3).contains("class=\"tag tag-" + no.hallingdal.jobbmal.dashboard.DashboardView
                    .statusClass(p.getString("status")) + "\""), "the status's colour");
            assertEquals(new Messages().get(Messages.NB, "period.state." + p.getString("state")), cells.get(8));
            i++;
        }
        assertEquals(rows.size(), i, "one table row per programme and period");
    }

    static void assertCsv(Response r, CsvDialect dialect, List<Map<String, Object>> rows, List<JsonPath> expected,
            Data d) throws IOException {
        r.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("jobbmal-programmer-fylke-97.csv"));
        byte[] bytes = r.asByteArray();
        boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        assertEquals(dialect.bom, bom, "BOM in " + dialect.code);
        String text = new String(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0), StandardCharsets.UTF_8);
        assertFalse(text.contains(d.other()), "the other county's programme never appears");
        assertTrue(text.startsWith(String.join(String.valueOf(dialect.separator), CountyExport.COLUMNS) + "\r\n"),
                text);
        List<CSVRecord> lines = CSVFormat.RFC4180.builder().setDelimiter(dialect.separator).get()
                .parse(new StringReader(text)).getRecords();
        assertEquals(rows.size() + 1, lines.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord c = lines.get(i + 1);
            JsonPath p = expected.get(i);
            assertEquals(COUNTY, c.get(0));
            assertEquals(p.getString("programme"), c.get(2));
            assertEquals(p.getString("period"), c.get(4));
            assertEquals(p.getString("periodName"), c.get(5));
            assertEquals(p.getString("periodStart"), c.get(6));
            assertEquals(p.getString("periodEnd"), c.get(7));
            assertEquals(p.getString("state"), c.get(8));
            int col = 9;
            for (String[] f : FIGURES) {
                assertEquals(dialect.decimal(dec(p.get(f[0]))), c.get(col++), dialect.code + " " + f[1] + " row " + i);
            }
            assertEquals(p.getString("status"), c.get(16));
        }
    }

    /** The workbook's first sheet: numbers and dates are real cells, equal to the progress API's. */
    static void assertXlsx(byte[] bytes, List<Map<String, Object>> rows, List<JsonPath> expected, Data d)
            throws IOException {
        Xlsx sheet = Xlsx.read(bytes);
        assertFalse(sheet.strings.contains(d.other()), "the other county's programme never appears");
        assertEquals("Fylkesnummer", sheet.text("A1"));
        for (int i = 0; i < rows.size(); i++) {
            int n = i + 2;
            JsonPath p = expected.get(i);
            assertEquals(COUNTY, sheet.text("A" + n));
            assertEquals(p.getString("programme"), sheet.text("C" + n));
            assertEquals(new BigDecimal(p.getString("period")), sheet.number("E" + n));
            assertEquals(LocalDate.parse(p.getString("periodStart")), sheet.date("G" + n));
            assertEquals(LocalDate.parse(p.getString("periodEnd")), sheet.date("H" + n));
            assertEquals(p.getString("state"), sheet.text("I" + n));
            String[] columns = {"J", "K", "L", "M", "N", "O", "P"};
            for (int f = 0; f < FIGURES.length; f++) {
                BigDecimal want = dec(p.get(FIGURES[f][0]));
                BigDecimal got = sheet.number(columns[f] + n);
                assertTrue(want == null ? got == null : got != null && want.compareTo(got) == 0,
                        FIGURES[f][1] + " row " + n + ": " + want + " vs " + got);
            }
            assertEquals(p.getString("status"), sheet.text("Q" + n));
        }
        assertNull(sheet.cell("A" + (rows.size() + 2)), "no more rows");
    }

    @Test
    void onlyTheCountysUsersAndSystemAdministratorsGetIn() {
        try (CountyFixtures fx = new CountyFixtures(em)) {
            Data d = data(fx);
            String own = CountyFixtures.countyUser("fylke97", COUNTY, PASSWORD);
            String stranger = CountyFixtures.countyUser("fylke98", OTHER, PASSWORD);
            String board = Accounts.uniqueName("fylke-styre");
            Accounts.create(board, "board", PASSWORD);

            // a county user of another county: 403 on the API, the page and the exports, never the data
            given().auth().preemptive().basic(stranger, PASSWORD).get("/api/v1/county/" + COUNTY).then()
                    .statusCode(403).contentType(containsString("application/problem+json"))
                    .body(org.hamcrest.Matchers.not(containsString(d.ringerike())));
            String strangerSession = Accounts.session(stranger, PASSWORD);
            given().cookie("jobbmal-session", strangerSession).get("/county/" + COUNTY).then().statusCode(403)
                    .contentType(containsString("text/html"))
                    .body(org.hamcrest.Matchers.not(containsString(d.ringerike())));
            given().cookie("jobbmal-session", strangerSession).get("/export/programmes.csv?countyCode=" + COUNTY)
                    .then().statusCode(403);
            given().cookie("jobbmal-session", strangerSession).get("/export/programmes.xlsx?countyCode=" + COUNTY)
                    .then().statusCode(403);
            // their own county by default: only its programme
            given().cookie("jobbmal-session", strangerSession).get("/export/programmes.csv?dialect=rfc4180").then()
                    .statusCode(200).body(containsString(d.other()))
                    .body(org.hamcrest.Matchers.not(containsString(d.ringerike())));
            // /county leads a county user to their county
            given().cookie("jobbmal-session", strangerSession).redirects().follow(false).get("/county").then()
                    .statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/county/" + OTHER));

            // a board member of a programme is no county user
            given().auth().preemptive().basic(board, PASSWORD).get("/api/v1/county/33").then().statusCode(403);
            String boardSession = Accounts.session(board, PASSWORD);
            given().cookie("jobbmal-session", boardSession).get("/county/33").then().statusCode(403);
            given().cookie("jobbmal-session", boardSession).get("/export/programmes.csv?countyCode=33").then()
                    .statusCode(403);
            given().cookie("jobbmal-session", boardSession).get("/p/sats-pa-hallingdal/").then().statusCode(200)
                    .body(org.hamcrest.Matchers.not(containsString("href=\"/county\"")));

            // anonymous: 401 on the API, the login page for the page and the files
            given().get("/api/v1/county/" + COUNTY).then().statusCode(401);
            given().redirects().follow(false).get("/county/" + COUNTY).then().statusCode(302)
                    .header("Location", org.hamcrest.Matchers.endsWith("/login"));
            given().redirects().follow(false).get("/export/programmes.csv").then().statusCode(302);

            // a system administrator chooses among the counties with programmes
            String adminSession = Accounts.session(ADMIN, ADMIN_PASSWORD);
            String choose = given().cookie("jobbmal-session", adminSession).get("/county").then().statusCode(200)
                    .extract().asString();
            assertTrue(choose.contains("href=\"/county/" + COUNTY + "\"") && choose.contains("href=\"/county/" + OTHER
                    + "\"") && choose.contains("href=\"/county/33\""), choose);
            // an unknown county: 404 on the page and the API, 400 naming the parameter for the files
            given().cookie("jobbmal-session", adminSession).get("/county/11").then().statusCode(404);
            given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/api/v1/county/11").then().statusCode(404);
            given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/export/programmes.csv?countyCode=11").then()
                    .statusCode(400).contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo("countyCode"));
            // several counties and none named: 400 naming the parameter and the choices
            given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/export/programmes.xlsx").then()
                    .statusCode(400).body("errors[0].field", equalTo("countyCode"))
                    .body("errors[0].message", containsString(COUNTY));
            given().auth().preemptive().basic(own, PASSWORD).get("/export/programmes.csv?dialect=semikolon").then()
                    .statusCode(400).body("errors[0].field", equalTo("dialect"));

            // the header links the overview for county users and system administrators, and so does the chooser
            given().cookie("jobbmal-session", adminSession).get("/p/sats-pa-hallingdal/").then().statusCode(200)
                    .body(containsString("href=\"/county\""));
            given().cookie("jobbmal-session", adminSession).get("/programmes").then().statusCode(200)
                    .body(containsString("href=\"/county\""));
        }
    }

    @Test
    void aCountyWithOneProgrammeNeedsNoParameterAndTheSeededOneIsBuskerud() {
        String user = Accounts.uniqueName("fylke33");
        Accounts.create(user, "county", PASSWORD);
        JsonPath api = json(given().auth().preemptive().basic(user, PASSWORD).get("/api/v1/county/33").then()
                .statusCode(200).extract().asString());
        assertEquals(List.of("sats-pa-hallingdal"), api.getList("rows.programme"));
        // with one county in the instance a system administrator needs no parameter either
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/export/programmes.csv").then().statusCode(200)
                .body(containsString("sats-pa-hallingdal"));
        // the English page
        given().cookie("jobbmal-session", Accounts.session(user, PASSWORD)).cookie("jobbmal-lang", "en")
                .get("/county/33").then()
                .statusCode(200).body(containsString("County overview")).body(containsString("Percent of goal"));
    }

    @Test
    void statusColoursAreTheDashboards() {
        assertArrayEquals(new String[] {"success", "warning", "danger", "success", "danger", "info"},
                List.of("on-track", "at-risk", "behind", "reached", "not-reached", "not-started").stream()
                        .map(no.hallingdal.jobbmal.dashboard.DashboardView::statusClass).toArray());
    }
}
