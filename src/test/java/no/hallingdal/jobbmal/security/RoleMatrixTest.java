package no.hallingdal.jobbmal.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Forms;
import no.hallingdal.jobbmal.support.Programmes;
import no.hallingdal.jobbmal.support.Routes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The role matrix of docs/security.md, enforced on the server, in an instance with one programme (the wave-1 URLs):
 * every route of the application is called as each role of the programme (with a real login session), as a system
 * administrator and anonymously, and must answer the status written in {@code src/test/resources/security/routes.csv}.
 * A route of the application (its JAX-RS annotations, {@link Routes}) without a row there makes
 * {@link #everyRouteHasARow()} fail, so a new route cannot go in without deciding who may use it. The table's
 * {@code other} column (a role of the programme calling the route for another programme) is checked by
 * {@link ProgrammeScopeMatrixTest}, in an instance with two programmes.
 * <p>
 * The roles are exact: {@code admin} is the programme's admin and nothing else (not a system administrator),
 * {@code county} has the programme's county code, {@code sysadmin} is a system administrator with no membership.
 * Calls that change things send an empty body (a form with only the CSRF token, or JSON {@code {}}), so a role that
 * is allowed in gets the validation answer (400) and nothing changes; a role that is not gets 403. Paths with ids
 * use the {@code sample} column, whose {@code {name}} placeholders are filled from {@link #samples()} (data this test
 * creates; add entries there for new kinds of ids).
 */
@QuarkusTest
class RoleMatrixTest {

    static final String CSV = "/security/routes.csv";
    /** The callers of the own-programme columns, in the table's order. */
    static final List<String> WHO = List.of("admin", "lead", "board", "county", "anon", "sysadmin");
    /** The roles of a programme, who must get the {@code other} column's status for another programme's things. */
    static final List<String> MEMBERS = List.of("admin", "lead", "board", "county");
    static final List<String> COLUMNS = List.of("method", "path", "sample", "admin", "lead", "board", "county", "anon",
            "sysadmin", "other");
    static final String PASSWORD = "rolle-matrise-passord-1";
    /** The programme the samples name ({@code /p/sats-pa-hallingdal/…}). */
    static final String SAMPLE_PROGRAMME = "sats-pa-hallingdal";

    /**
     * One row: the expected status per caller in the programme, and in {@code other} the status a role of the
     * programme gets for another programme's route: null when the route belongs to no programme ("-" in the table);
     * {@link #SAME} when the call names no programme's data, so each role gets its own column's status ("same").
     */
    record Row(String method, String path, String sample, Map<String, Integer> expected, Integer other) {
        /** The path called: the sample, or the route itself when it has no parameters. */
        String call() {
            return sample.isEmpty() ? path : sample;
        }

        /** What {@code who}, a role of the programme, gets for the other programme. */
        int otherFor(String who) {
            return SAME.equals(other) ? expected.get(who) : other;
        }
    }

    /** The {@code other} cell "same": as in the own programme (the body, not the URL, names the programme). */
    static final Integer SAME = Integer.valueOf(-1);

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = RoleMatrixTest.class.getResourceAsStream(CSV);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split(",", -1);
                if (header) {
                    assertEquals(COLUMNS, Arrays.stream(c).map(String::strip).toList(), "the columns of " + CSV);
                    header = false;
                    continue;
                }
                if (c.length != COLUMNS.size()) {
                    throw new IllegalStateException(CSV + ": " + COLUMNS.size() + " columns (" + String.join(",", COLUMNS)
                            + ") expected in: " + line);
                }
                Map<String, Integer> expected = new HashMap<>();
                for (String who : WHO) {
                    expected.put(who, status(c[COLUMNS.indexOf(who)], line));
                }
                String other = c[COLUMNS.indexOf("other")].strip();
                rows.add(new Row(c[0].strip().toUpperCase(Locale.ROOT), c[1].strip(), c[2].strip(), expected,
                        "-".equals(other) ? null : "same".equals(other) ? SAME : status(other, line)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static int status(String cell, String line) {
        try {
            int s = Integer.parseInt(cell.strip());
            if (s < 200 || s > 599) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(CSV + ": an HTTP status expected, not '" + cell + "', in: " + line);
        }
    }

    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        for (Row row : rows()) {
            for (String who : WHO) {
                calls.add(Arguments.of(row.method(), row.path(), row.sample(), who, row.expected().get(who)));
            }
        }
        return calls.stream();
    }

    /** Sessions per caller and the ids used in sample paths; made once, on first use. */
    static Map<String, String> samples;

    static synchronized Map<String, String> samples() {
        if (samples == null) {
            Map<String, String> m = new HashMap<>();
            long programme = Programmes.seeded().id();
            logIn(m, programme);
            // A user to look at and change (deactivated by one of the rows).
            m.put("user", String.valueOf(Accounts.create(Accounts.uniqueName("matrix-target"), Role.BOARD_CODE, PASSWORD)));
            // A project led by the matrix lead, in Gol, with pending results to look at, edit and change.
            long project = Programmes.project(programme, Accounts.uniqueName("Matriseprosjekt"), "innovasjon",
                    List.of("3324"), "10", Long.valueOf(m.get("id:lead")));
            m.put("project", String.valueOf(project));
            m.put("municipality", "3324");
            m.put("deadline", String.valueOf(deadline(programme)));
            m.put("apiDeadline", m.get("deadline"));
            for (String key : List.of("result", "resultApprove", "resultReturn", "resultWithdraw", "apiApprove",
                    "apiReturn", "apiWithdraw")) {
                m.put(key, String.valueOf(pendingResult(project)));
            }
            samples = m;
        }
        return samples;
    }

    /** A deadline of the programme (never removed by the matrix: its delete has no version and is refused). */
    static long deadline(long programme) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            no.hallingdal.jobbmal.deadline.Deadline d = new no.hallingdal.jobbmal.deadline.Deadline();
            d.programmeId = programme;
            d.dueDate = java.time.LocalDate.now().plusDays(30);
            d.title = "Matrisefrist";
            d.createdAt = java.time.Instant.now();
            d.persist();
            return d.id;
        });
    }

    /**
     * Creates the callers with exactly their rights in the programme (an admin, a lead, a board member, a county user
     * of its county, and a system administrator with no membership), logs them in and puts their names, ids and
     * sessions in {@code m}.
     */
    static void logIn(Map<String, String> m, long programme) {
        String county = no.hallingdal.jobbmal.support.Fixture.seededProgramme().countyCode;
        for (String who : List.of("admin", "lead", "board", "county", "sysadmin")) {
            String name = Accounts.uniqueName("matrix-" + who);
            Map<Long, Role> memberships = switch (who) {
                case "admin" -> Map.of(programme, Role.ADMIN);
                case "lead" -> Map.of(programme, Role.LEAD);
                case "board" -> Map.of(programme, Role.BOARD);
                default -> Map.of();
            };
            long id = Programmes.user(name, PASSWORD, memberships, "county".equals(who) ? county : null,
                    "sysadmin".equals(who));
            m.put("name:" + who, name);
            m.put("id:" + who, String.valueOf(id));
            m.put("session:" + who, Accounts.session(name, PASSWORD));
        }
    }

    /** Registers a pending result in the project through the API, as the first administrator. */
    static long pendingResult(long project) {
        return given().auth().preemptive().basic("admin", "test-admin-password-1").contentType("application/json")
                .body("{\"projectId\": " + project + ", \"municipality\": \"3324\", \"date\": \"2023-05-02\", "
                        + "\"kind\": \"NEW_JOBS\", \"amount\": 1.5, \"evidence\": \"matrise\"}")
                .post("/api/v1/results").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** {@code url} with every {@code {name}} placeholder replaced by its sample value. */
    static String fill(String url, Map<String, String> data) {
        for (var e : data.entrySet()) {
            url = url.replace("{" + e.getKey() + "}", e.getValue());
        }
        return url;
    }

    /**
     * Calls {@code url} (the route {@code path}) as {@code who} (anon: without a session) the way the matrix does:
     * writes with an empty form (with a CSRF token) or JSON {@code {}}, the imports with a CSV file without the
     * required columns. Rows that end the session get a session of their own.
     */
    static Response call(String method, String path, String url, String who, Map<String, String> data) {
        RequestSpecification spec = given().redirects().follow(false);
        if (!"anon".equals(who)) {
            // Logging out ends the session on the server: those rows get a session of their own.
            boolean ends = path.equals("/logout") || path.equals("/account/sessions/all");
            spec = spec.cookie("jobbmal-session", ends ? Accounts.session(data.get("name:" + who), PASSWORD)
                    : data.get("session:" + who));
        }
        boolean api = path.startsWith("/api/");
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            if (path.endsWith("/import")) {
                // the import takes a CSV file: send one (a header without the required columns)
                if (api) {
                    spec = spec.contentType("text/csv").body("project_id,date\n");
                } else {
                    Forms.Csrf csrf = Forms.csrf("/login");
                    spec = spec.cookie(Forms.CSRF_COOKIE, csrf.cookie()).multiPart(Forms.CSRF_FIELD, csrf.token())
                            .multiPart("mode", "dry").multiPart("file", "matrix.csv", "project_id,date\n".getBytes(), "text/csv");
                }
            } else if (api) {
                spec = spec.contentType("application/json").body("{}");
            } else {
                Forms.Csrf csrf = Forms.csrf("/login");
                spec = spec.cookie(Forms.CSRF_COOKIE, csrf.cookie())
                        .contentType("application/x-www-form-urlencoded").formParam(Forms.CSRF_FIELD, csrf.token());
            }
        }
        Response r = spec.request(method, url);
        if (path.equals("/account/sessions/all") && !"anon".equals(who)) {
            // "Log out everywhere" ended the shared session too: log in again for the rows after it.
            data.put("session:" + who, Accounts.session(data.get("name:" + who), PASSWORD));
        }
        return r;
    }

    /** The status, and what goes with it: a redirect to the login page, a Basic challenge, a 403 in the caller's format. */
    static void assertAnswer(int expected, Response r, String path, String what) {
        assertEquals(expected, r.statusCode(), what);
        if (expected == 302) {
            assertTrue(r.getHeader("Location").endsWith("/login"), "redirect to the login page: " + r.getHeader("Location"));
        }
        if (expected == 401) {
            assertTrue(r.getHeader("WWW-Authenticate").toLowerCase(Locale.ROOT).startsWith("basic"), "Basic challenge");
        }
        if (expected == 403) {
            // the API and the downloads answer problem+json (common/ErrorMappers), pages the error page
            String type = String.valueOf(r.getContentType());
            if (path.startsWith("/api/") || path.startsWith("/export/")) {
                assertTrue(type.startsWith("application/problem+json"), what + ": problem+json, not " + type);
            } else {
                assertTrue(type.startsWith("text/html"), what + ": the error page, not " + type);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} as {3} → {4}")
    @MethodSource("calls")
    void routeAnswersAsTheMatrixSays(String method, String path, String sample, String who, int expected) {
        Map<String, String> data = samples();
        String url = fill(sample.isEmpty() ? path : sample, data);
        Response r = call(method, path, url, who, data);
        assertAnswer(expected, r, path, method + " " + url + " as " + who);
    }

    @Test
    void everyRouteHasARow() {
        Set<String> routes = Routes.all();
        assertTrue(routes.containsAll(Set.of("GET /projects/{id}", "POST /api/v1/results", "GET /export/results.csv")),
                "the JAX-RS annotations name the routes: " + routes);
        Set<String> inTable = new TreeSet<>();
        for (Row row : rows()) {
            inTable.add(row.method() + " " + row.path());
        }
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(inTable);
        assertTrue(missing.isEmpty(), "Routes without a row in " + CSV + " (decide who may use them): " + missing);
        Set<String> stale = new TreeSet<>(inTable);
        stale.removeAll(routes);
        assertTrue(stale.isEmpty(), "Rows in " + CSV + " for routes that do not exist: " + stale);
    }

    @Test
    void pagesOfTheProgrammeAreCheckedForTheOtherProgramme() {
        // a page under the programme's prefix belongs to it: its row must say what another programme's roles get
        List<String> unscoped = rows().stream().filter(r -> r.sample().contains("/p/" + SAMPLE_PROGRAMME + "/")
                && r.other() == null).map(r -> r.method() + " " + r.path()).toList();
        assertEquals(List.of(), unscoped, "rows of programme pages with '-' in the other column");
    }
}
