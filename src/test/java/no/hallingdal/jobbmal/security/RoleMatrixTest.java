package no.hallingdal.jobbmal.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Forms;
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
 * The role matrix of docs/security.md, enforced on the server: every route of the application is called
 * as each role (with a real login session) and anonymously, and must answer the status written in
 * {@code src/test/resources/security/routes.csv}. A route of the application (its JAX-RS annotations, {@link Routes}) without a
 * row there makes {@link #everyRouteHasARow()} fail, so a new route cannot go in without deciding who may use it.
 * <p>
 * Calls that change things send an empty body (a form with only the CSRF token, or JSON {@code {}}), so a
 * role that is allowed in gets the validation answer (400) and nothing changes; a role that is not gets 403.
 * Paths with ids use the {@code sample} column, whose {@code {name}} placeholders are filled from
 * {@link #samples()} (data this test creates; add entries there for new kinds of ids).
 */
@QuarkusTest
class RoleMatrixTest {

    static final String CSV = "/security/routes.csv";
    static final List<String> WHO = List.of("admin", "lead", "board", "county", "anon");
    static final String PASSWORD = "rolle-matrise-passord-1";

    record Row(String method, String path, String sample, Map<String, Integer> expected) {
    }

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
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split(",", -1);
                if (c.length < 8) {
                    throw new IllegalStateException("routes.csv: 8 columns expected in: " + line);
                }
                Map<String, Integer> expected = new HashMap<>();
                for (int i = 0; i < WHO.size(); i++) {
                    expected.put(WHO.get(i), Integer.parseInt(c[3 + i].strip()));
                }
                rows.add(new Row(c[0].strip().toUpperCase(Locale.ROOT), c[1].strip(), c[2].strip(), expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
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

    /** Sessions per role and the ids used in sample paths; made once, on first use. */
    static Map<String, String> samples;

    static synchronized Map<String, String> samples() {
        if (samples == null) {
            Map<String, String> m = new HashMap<>();
            for (String role : List.of(Role.ADMIN_CODE, Role.LEAD_CODE, Role.BOARD_CODE, Role.COUNTY_CODE)) {
                String name = Accounts.uniqueName("matrix-" + role);
                Accounts.create(name, role, PASSWORD);
                m.put("name:" + role, name);
                m.put("session:" + role, Accounts.session(name, PASSWORD));
            }
            // A user to look at and change (deactivated by one of the rows).
            m.put("user", String.valueOf(Accounts.create(Accounts.uniqueName("matrix-target"), Role.BOARD_CODE, PASSWORD)));
            // A project led by the matrix lead, in Gol, with pending results to look at, edit and change.
            String lead = m.get("name:" + Role.LEAD_CODE);
            long project = Accounts.project(Accounts.uniqueName("Matriseprosjekt"));
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                no.hallingdal.jobbmal.project.Project pr = no.hallingdal.jobbmal.project.Project.findById(project);
                pr.municipalities.add(no.hallingdal.jobbmal.municipality.Municipality.findById("3324"));
                pr.leads.add(no.hallingdal.jobbmal.account.User.findByUsername(lead).orElseThrow());
            });
            m.put("project", String.valueOf(project));
            for (String key : List.of("result", "resultApprove", "resultReturn", "resultWithdraw", "apiApprove",
                    "apiReturn", "apiWithdraw")) {
                m.put(key, String.valueOf(pendingResult(project)));
            }
            samples = m;
        }
        return samples;
    }

    /** Registers a pending result in the project through the API, as the admin. */
    static long pendingResult(long project) {
        return given().auth().preemptive().basic("admin", "test-admin-password-1").contentType("application/json")
                .body("{\"projectId\": " + project + ", \"municipality\": \"3324\", \"date\": \"2023-05-02\", "
                        + "\"kind\": \"NEW_JOBS\", \"amount\": 1.5, \"evidence\": \"matrise\"}")
                .post("/api/v1/results").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @ParameterizedTest(name = "{0} {1} as {3} → {4}")
    @MethodSource("calls")
    void routeAnswersAsTheMatrixSays(String method, String path, String sample, String who, int expected) {
        Map<String, String> data = samples();
        String url = sample.isEmpty() ? path : sample;
        for (var e : data.entrySet()) {
            url = url.replace("{" + e.getKey() + "}", e.getValue());
        }
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
        assertEquals(expected, r.statusCode(), method + " " + url + " as " + who);
        if (expected == 302) {
            assertTrue(r.getHeader("Location").endsWith("/login"), "redirect to the login page: " + r.getHeader("Location"));
        }
        if (expected == 401) {
            assertTrue(r.getHeader("WWW-Authenticate").toLowerCase(Locale.ROOT).startsWith("basic"), "Basic challenge");
        }
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
}
