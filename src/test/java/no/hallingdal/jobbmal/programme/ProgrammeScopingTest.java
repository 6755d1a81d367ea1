package no.hallingdal.jobbmal.programme;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Programmes;
import no.hallingdal.jobbmal.support.SeveralProgrammes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One programme's lists, figures and exports never show another's rows (issue 16, "Every figure, page, export, import
 * … is scoped to a programme"), even to a system administrator who may read both; another programme's ids under a
 * programme's prefix are not found; an import into a programme refuses, row by row, the projects of another; a
 * request that names no programme in an instance with several is answered 400 naming only the caller's choices. What
 * each role may call for another programme is {@code ProgrammeScopeMatrixTest}'s.
 */
@QuarkusTest
@TestProfile(SeveralProgrammes.class)
class ProgrammeScopingTest {

    static final String PASSWORD = "programomfang-passord-1";
    /** In every name of programme B's, so an answer that shows any of it is caught. */
    static final String MARK = "Skjultvik";

    @Inject
    EntityManager em;

    /** Programme A (Sats på Hallingdal), a new programme B of another county, and users of each kind. */
    record World(Programmes.Made a, Programmes.Made b, long projectA, long projectB, String sysadmin, String boardA,
            String adminAB, String countyA, String adminA) {
    }

    static World world;

    static synchronized World world() {
        if (world == null) {
            Programmes.Made a = Programmes.seeded();
            Programmes.referenceMunicipality("3451", "Nord-Aurdal", 101);
            Programmes.referenceMunicipality("3454", "Vang", 102);
            Programmes.Made b = Programmes.create(Programmes.uniqueCode("skjultvik"), MARK + " omstilling", "34",
                    "Innlandet fylkeskommune", List.of("3451", "3454"),
                    Map.of("innovasjon", MARK + " innovasjon", "reiseliv", MARK + " reiseliv"),
                    List.of(Programmes.PeriodSpec.of("Periode 1", "2022-01-01", "2024-12-31", 60,
                            Map.of(2022, 20, 2023, 20, 2024, 20))));
            String sysadmin = Accounts.uniqueName("omfang-sysadmin");
            String board = Accounts.uniqueName("omfang-styre-a");
            String both = Accounts.uniqueName("omfang-admin-ab");
            String county = Accounts.uniqueName("omfang-fylke-a");
            String admin = Accounts.uniqueName("omfang-admin-a");
            Programmes.user(sysadmin, PASSWORD, Map.of(), null, true);
            Programmes.user(board, PASSWORD, Map.of(a.id(), Role.BOARD), null, false);
            Programmes.user(both, PASSWORD, Map.of(a.id(), Role.ADMIN, b.id(), Role.ADMIN), null, false);
            Programmes.user(county, PASSWORD, Map.of(), "33", false);
            Programmes.user(admin, PASSWORD, Map.of(a.id(), Role.ADMIN), null, false);
            long projectA = Programmes.project(a.id(), Accounts.uniqueName("Omfangsprosjekt A"), "innovasjon",
                    List.of("3324"), "10");
            Programmes.result(projectA, "3324", "innovasjon", "2023-04-01", "NEW_JOBS", "2.0", "APPROVED", "987654325");
            long projectB = Programmes.project(b.id(), MARK + " prosjekt", "innovasjon", List.of("3451", "3454"), "50");
            world = new World(a, b, projectA, projectB, sysadmin, board, both, county, admin);
        }
        return world;
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    /** What programme A shows: its figures, lists and exports, as {@code user} sees them. */
    static Map<String, String> viewOfA(String user) {
        String a = world().a().code();
        Map<String, String> view = new java.util.TreeMap<>();
        for (String url : List.of("/api/v1/progress?period=all", "/api/v1/progress?period=1&year=2023",
                "/api/v1/results?sort=date-asc&size=200", "/api/v1/projects", "/export/results.csv",
                "/export/summary.csv", "/api/v1/focus-areas", "/api/v1/municipalities")) {
            Response r = as(user).get(url + (url.contains("?") ? "&" : "?") + "programme=" + a);
            String body = r.asString();
            assertEquals(200, r.statusCode(), url + ": " + body);
            assertFalse(body.contains(MARK), url + " shows programme B's data");
            view.put(url, body);
        }
        for (String xlsx : List.of("/export/results.xlsx", "/export/summary.xlsx")) {
            String sheet = sheet(as(user).get(xlsx + "?programme=" + a).then().statusCode(200).extract().asByteArray());
            assertFalse(sheet.contains(MARK), xlsx + " shows programme B's data");
            view.put(xlsx, sheet);
        }
        for (String page : List.of("/", "/results", "/projects", "/municipalities", "/reports/2023")) {
            String html = as(user).get("/p/" + a + page).then().statusCode(200).extract().asString();
            assertFalse(html.contains(MARK), page + " shows programme B's data");
        }
        return view;
    }

    /**
     * The cells of an XLSX file's sheets and its shared strings (the parts without timestamps). Read with ZipFile:
     * the writer streams its entries (sizes in data descriptors), which ZipInputStream does not read.
     */
    static String sheet(byte[] xlsx) {
        StringBuilder sb = new StringBuilder();
        try {
            Path file = Files.createTempFile("scoping", ".xlsx");
            try {
                Files.write(file, xlsx);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    zip.stream().filter(e -> e.getName().startsWith("xl/worksheets/")
                                    || e.getName().equals("xl/sharedStrings.xml"))
                            .sorted(java.util.Comparator.comparing(ZipEntry::getName)).forEach(e -> {
                                try (InputStream in = zip.getInputStream(e)) {
                                    sb.append(e.getName()).append('\n')
                                            .append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                                } catch (IOException ex) {
                                    throw new UncheckedIOException(ex);
                                }
                            });
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        assertTrue(sb.length() > 0, "an XLSX file with a sheet");
        return sb.toString();
    }

    @Test
    void theOtherProgrammesResultsChangeNothingThatThisProgrammeShows() {
        World w = world();
        Map<String, String> sysadminBefore = viewOfA(w.sysadmin());
        Map<String, String> boardBefore = viewOfA(w.boardA());
        // B gets results of every kind, in A's years and focus-area code, one with the org. number of A's result
        long b1 = Programmes.result(w.projectB(), "3451", "innovasjon", "2023-04-02", "NEW_JOBS", "40.0", "APPROVED",
                "987654325");
        Programmes.result(w.projectB(), "3454", null, "2023-06-01", "NEW_JOBS", "7.5", "PENDING", null);
        Programmes.result(w.projectB(), "3454", "reiseliv", "2022-06-01", "SECURED_JOBS", "9.0", "APPROVED", null);
        Programmes.result(w.projectB(), "3451", null, "2024-02-01", "NEW_COMPANY", "1.0", "APPROVED", "964951462");
        Programmes.result(w.projectB(), "3451", null, "2025-02-01", "NEW_JOBS", "3.0", "APPROVED", null);
        assertEquals(sysadminBefore, viewOfA(w.sysadmin()), "what A shows a system administrator");
        assertEquals(boardBefore, viewOfA(w.boardA()), "what A shows its board");
        // B shows them, to whoever may read it
        JsonPath b = new JsonPath(as(w.sysadmin()).get("/api/v1/progress?period=1&programme=" + w.b().code()).then()
                .statusCode(200).extract().asString());
        assertEquals(40.0f, b.getFloat("countedNewJobs"));
        assertEquals(7.5f, b.getFloat("pendingNewJobs"));
        assertEquals(3.0f, b.getFloat("outsidePeriods.countedNewJobs"));
        assertEquals(5, as(w.sysadmin()).get("/api/v1/results?programme=" + w.b().code()).then().statusCode(200)
                .extract().jsonPath().getInt("total"));
        // the double count is within a programme: the same org. number and year in A is no double count in B
        as(w.sysadmin()).get("/api/v1/results/" + b1).then().statusCode(200)
                .body("doubleCount", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void anotherProgrammesIdsUnderThisProgrammesPrefixAreNotFound() {
        World w = world();
        long resultB = Programmes.result(w.projectB(), "3451", null, "2023-09-01", "NEW_JOBS", "1.0", "PENDING", null);
        String a = "/p/" + w.a().code();
        for (String path : List.of(a + "/projects/" + w.projectB(), a + "/results/" + resultB,
                a + "/results/projects/" + w.projectB(), a + "/projects/" + w.projectB() + "/edit")) {
            Response r = as(w.adminAB()).get(path);
            assertEquals(404, r.statusCode(), path + " for an admin of both");
            assertFalse(r.asString().contains(MARK), path);
        }
        Response r = as(w.sysadmin()).get(a + "/results/" + resultB);
        assertEquals(404, r.statusCode());
        assertFalse(r.asString().contains(MARK));
        // under B's own prefix they are there
        as(w.sysadmin()).get("/p/" + w.b().code() + "/results/" + resultB).then().statusCode(200);
    }

    @Test
    void filtersOfThisProgrammeThatNameAnotherProgrammesThingsShowNothingOfIt() {
        World w = world();
        Programmes.result(w.projectB(), "3451", null, "2023-10-01", "NEW_JOBS", "4.0", "APPROVED", null);
        String a = "programme=" + w.a().code();
        for (String url : List.of("/api/v1/results?" + a + "&project=" + w.projectB(),
                "/api/v1/progress?" + a + "&project=" + w.projectB(),
                "/api/v1/progress?" + a + "&municipality=3451",
                "/api/v1/results?" + a + "&municipality=3451",
                "/export/results.csv?" + a + "&municipality=3451")) {
            Response r = as(w.sysadmin()).get(url);
            assertFalse(r.asString().contains(MARK), url);
            if (r.statusCode() == 200) {
                assertTrue(r.asString().contains("\"total\":0") || r.asString().contains("\"countedNewJobs\":0.0")
                        || r.asString().strip().split("\n").length == 1, url + " shows no rows: " + r.asString());
            } else {
                assertTrue(r.statusCode() == 400 || r.statusCode() == 404, url + ": " + r.statusCode());
            }
        }
    }

    @Test
    void anImportIntoThisProgrammeRefusesAnotherProgrammesProjectRowByRow() {
        World w = world();
        // the admin of both programmes may register in B, but not through A's import
        String csv = "project_id,date,municipality_code,kind,amount,evidence\n"
                + w.projectA() + ",2023-05-01,3324,NEW_JOBS,1.5,bekreftelse A\n"
                + w.projectB() + ",2023-05-01,3451,NEW_JOBS,2.5,bekreftelse B\n";
        String query = "?programme=" + w.a().code();
        JsonPath dry = new JsonPath(as(w.adminAB()).contentType("text/csv").body(csv)
                .post("/api/v1/results/import" + query + "&dryRun=true").then().statusCode(200).extract().asString());
        assertEquals(2, dry.getInt("rows"));
        // rows are numbered as the file's lines: the header is line 1
        assertEquals(List.of(2), dry.getList("accepted.row"));
        assertEquals(List.of(3), dry.getList("errors.row"));
        assertEquals("project_id", dry.getString("errors[0].column"));
        assertTrue(dry.getString("errors[0].message").contains("hører ikke til Sats på Hallingdal"),
                dry.getString("errors[0].message"));
        long before = count();
        as(w.adminAB()).contentType("text/csv").body(csv).post("/api/v1/results/import" + query).then().statusCode(400)
                .body("created", org.hamcrest.Matchers.equalTo(0));
        assertEquals(before, count(), "all rows or none: nothing saved");
        // into B the same file is refused at A's row
        JsonPath intoB = new JsonPath(as(w.adminAB()).contentType("text/csv").body(csv)
                .post("/api/v1/results/import?programme=" + w.b().code() + "&dryRun=true").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of(2), intoB.getList("errors.row"));
        assertEquals(List.of(3), intoB.getList("accepted.row"));
    }

    long count() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT COUNT(*) FROM result").getSingleResult()).longValue());
    }

    @Test
    void aCallThatNamesNoProgrammeIsAnswered400WithTheCallersChoicesOnly() {
        World w = world();
        String board = as(w.boardA()).get("/api/v1/progress").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("programme"))
                .extract().asString();
        assertTrue(board.contains(w.a().code()), board);
        assertFalse(board.contains(w.b().code()), "B is not a choice of A's board: " + board);
        String sysadmin = as(w.sysadmin()).get("/api/v1/results").then().statusCode(400).extract().asString();
        assertTrue(sysadmin.contains(w.a().code()) && sysadmin.contains(w.b().code()), sysadmin);
        // an unknown programme: 400 naming the choices; an unknown prefix: 404
        as(w.boardA()).get("/api/v1/progress?programme=finnes-ikke").then().statusCode(400);
        as(w.boardA()).get("/p/finnes-ikke/").then().statusCode(404);
    }

    @Test
    void theChooserListsTheProgrammesTheUserMayRead() {
        World w = world();
        as(w.boardA()).redirects().follow(false).get("/programmes").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/p/" + w.a().code() + "/"));
        String all = as(w.sysadmin()).get("/programmes").then().statusCode(200).extract().asString();
        assertTrue(all.contains("/p/" + w.a().code() + "/") && all.contains("/p/" + w.b().code() + "/"), all);
        String county = as(w.countyA()).get("/programmes").then().statusCode(200).extract().asString();
        assertTrue(county.contains("/p/" + w.a().code() + "/"));
        assertFalse(county.contains(w.b().code()) || county.contains(MARK), "B is another county's");
        // an unprefixed page sends a user of several programmes to the chooser
        as(w.countyA()).redirects().follow(false).get("/results").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/programmes"));
    }

    @Test
    void anotherProgrammesProjectsAndResultsCannotBeRegisteredOrChanged() {
        World w = world();
        long resultB = Programmes.result(w.projectB(), "3451", null, "2023-11-01", "NEW_JOBS", "1.0", "PENDING", null);
        long resultA = Programmes.result(w.projectA(), "3324", null, "2023-11-01", "NEW_JOBS", "1.0", "PENDING", null);
        String body = "{\"projectId\": %d, \"municipality\": \"%s\", \"date\": \"2023-11-02\", \"kind\": \"NEW_JOBS\", "
                + "\"amount\": 1.0, \"evidence\": \"bekreftelse\", \"version\": 0}";
        long before = count();
        // A's admin: B's project and B's result are refused, in the API and in the form
        for (Response r : List.of(
                as(w.adminA()).contentType("application/json").body(body.formatted(w.projectB(), "3451"))
                        .post("/api/v1/results"),
                as(w.adminA()).contentType("application/json").body(body.formatted(w.projectB(), "3451"))
                        .put("/api/v1/results/" + resultB),
                as(w.adminA()).contentType("application/json").body("{\"reason\": \"nei\"}")
                        .post("/api/v1/results/" + resultB + "/return"))) {
            assertEquals(403, r.statusCode(), r.asString());
            assertTrue(r.getContentType().startsWith("application/problem+json"));
            assertFalse(r.asString().contains(MARK));
        }
        no.hallingdal.jobbmal.support.Forms.Csrf csrf = no.hallingdal.jobbmal.support.Forms.csrf("/login");
        Response form = as(w.adminA()).redirects().follow(false).cookie(no.hallingdal.jobbmal.support.Forms.CSRF_COOKIE,
                        csrf.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam(no.hallingdal.jobbmal.support.Forms.CSRF_FIELD, csrf.token())
                .formParam("projectId", w.projectB()).formParam("municipality", "3451").formParam("date", "02.11.2023")
                .formParam("kind", "NEW_JOBS").formParam("amount", "1").formParam("evidence", "bekreftelse")
                .post("/p/" + w.a().code() + "/results");
        assertEquals(403, form.statusCode());
        assertTrue(form.getContentType().startsWith("text/html"));
        assertFalse(form.asString().contains(MARK));
        // the admin of both may not move A's result into B's project
        Response move = as(w.adminAB()).contentType("application/json").body(body.formatted(w.projectB(), "3451"))
                .put("/api/v1/results/" + resultA);
        assertEquals(400, move.statusCode(), move.asString());
        assertEquals("projectId", move.jsonPath().getString("errors[0].field"));
        assertEquals(before, count(), "nothing saved");
        as(w.sysadmin()).get("/api/v1/results/" + resultA).then().body("projectId",
                org.hamcrest.Matchers.equalTo((int) w.projectA()));
    }
}
