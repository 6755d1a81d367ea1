package no.hallingdal.jobbmal.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.support.Fixture;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CSV import: dry run, all or nothing, the same rules as the form, and every bad file. */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ResultImportTest {

    @Inject
    EntityManager em;

    long project;
    String tag;

    @BeforeEach
    void project() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        project = new Fixture(em).project("Import " + tag, "innovasjon", "10");
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO project_municipality (project_id, municipality_code) VALUES (?1, '3324')")
                    .setParameter(1, project).executeUpdate();
            em.createNativeQuery("INSERT INTO project_municipality (project_id, municipality_code) VALUES (?1, '3330')")
                    .setParameter(1, project).executeUpdate();
            Fixture.dataChanged(em);
        });
    }

    long countMine() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM result WHERE project_id = ?1").setParameter(1, project).getSingleResult()).longValue());
    }

    String excel(String... rows) {
        StringBuilder sb = new StringBuilder("\uFEFFproject_id;date;municipality_code;focus_area_code;kind;amount;women;men;company;org_number;evidence\r\n");
        for (String r : rows) {
            sb.append(r.replace("{p}", String.valueOf(project))).append("\r\n");
        }
        return sb.toString();
    }

    Response post(byte[] body, boolean dryRun) {
        return given().contentType("text/csv").body(body)
                .post("/api/v1/results/import?fileName=resultater-" + tag + ".csv&dryRun=" + dryRun);
    }

    @Test
    void dryRunReportsAndSavesNothingThenImportSavesAll() {
        byte[] file = excel("{p};2023-03-12;3324;;NEW_JOBS;2,5;1,5;1;Bø «Ål» AS;;Bekreftelse fra bedrift",
                "{p};2023-04-01;3041;innovasjon;SECURED_JOBS;4;;;\"Semikolon; AS\";;\"Linje 1\nlinje 2\"").getBytes(StandardCharsets.UTF_8);
        post(file, true).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("valid", equalTo(true)).body("dialect", equalTo("excel-nb"))
                .body("rows", equalTo(2)).body("accepted.row", org.hamcrest.Matchers.contains(2, 3))
                .body("created", equalTo(0));
        assertEquals(0, countMine());
        post(file, false).then().statusCode(200).body("created", equalTo(2));
        assertEquals(2, countMine());
        // imported results are pending, amounts exact, and their history names the file
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                SELECT r.status, r.amount, r.company_name, e.source FROM result r
                JOIN change_event e ON e.entity_type = 'result' AND e.entity_id = r.id
                WHERE r.project_id = ?1 ORDER BY r.result_date LIMIT 1""").setParameter(1, project).getSingleResult());
        assertEquals("PENDING", row[0]);
        assertEquals(0, new java.math.BigDecimal("2.5").compareTo((java.math.BigDecimal) row[1]));
        assertEquals("Bø «Ål» AS", row[2]);
        assertEquals("import: resultater-" + tag + ".csv", row[3]);
    }

    @Test
    void rfcDialectIsDetected() {
        String csv = "project_id,date,municipality_code,kind,amount,evidence\n" + project + ",2023-05-01,3330,NEW_JOBS,1.5,e-post\n";
        post(csv.getBytes(StandardCharsets.UTF_8), false).then().statusCode(200)
                .body("dialect", equalTo("rfc4180")).body("created", equalTo(1));
        assertEquals(1, countMine());
    }

    @Test
    void oneBadRowAmongTenThousandSavesNothing() {
        StringBuilder sb = new StringBuilder("project_id,date,municipality_code,kind,amount,evidence\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append(project).append(",2023-05-01,3324,NEW_JOBS,").append(i == 7777 ? "0.25" : "1").append(",bekreftet\n");
        }
        byte[] file = sb.toString().getBytes(StandardCharsets.UTF_8);
        post(file, true).then().statusCode(200)
                .body("valid", equalTo(false)).body("rows", equalTo(10_000))
                .body("errors.size()", equalTo(1))
                .body("errors[0].row", equalTo(7779)).body("errors[0].column", equalTo("amount"));
        post(file, false).then().statusCode(400).body("created", equalTo(0));
        assertEquals(0, countMine());
    }

    @Test
    void rowsGoThroughTheFormRules() {
        byte[] file = excel("{p};2023-03-12;3320;;NEW_JOBS;2;;;;;ok",          // Flå is not in the project
                "{p};2099-01-01;3324;;NEW_JOBS;2;;;;;ok",                      // future
                "{p};2023-03-12;3324;;NEW_COMPANY;1;;;Ny AS;123456789;ok",     // wrong check digit
                "{p};2023-03-12;3324;;NEW_JOBS;abc;;;;;ok",                    // not a number
                "{p};2023-03-12;3324;;NEW_JOBS;3;1;1;;;ok",                    // split ≠ amount
                "{p};2023-03-12;3324;;NEW_JOBS;3;;;;;",                        // no evidence
                "999999999;2023-03-12;3324;;NEW_JOBS;3;;;;;ok").getBytes(StandardCharsets.UTF_8);
        Response r = post(file, true);
        r.then().statusCode(200).body("valid", equalTo(false))
                .body("errors.row", org.hamcrest.Matchers.hasItems(2, 3, 4, 5, 6, 7, 8))
                .body("errors.column", hasItem("municipality_code"))
                .body("errors.column", hasItem("org_number"))
                .body("errors.column", hasItem("evidence"))
                .body("errors.column", hasItem("project_id"))
                .body("errors.message", hasItem(containsString("ontrollsiffer")));
        assertEquals(0, countMine());
    }

    @Test
    void badFilesGetClearMessagesAndChangeNothing() {
        assertFile(new byte[0], "tom");
        assertFile("a;b;c\r\n1;2;3\r\n".getBytes(StandardCharsets.UTF_8), "mangler");
        assertFile(excel("{p};2023-03-12;3324;;NEW_JOBS;2;;;Bø AS;;ok").getBytes(Charset.forName("windows-1252")), "UTF-8");
        assertFile("project_id;date,municipality_code;kind;amount;evidence\n1;2;3\n".getBytes(StandardCharsets.UTF_8), "blander");
        assertFile(excel("{p};2023-03-12;3324;;NEW_JOBS;2;;;\"Åpent sitat;;ok").getBytes(StandardCharsets.UTF_8), "anførselstegn");
        assertFile(excel().getBytes(StandardCharsets.UTF_8), "ingen rader");
        byte[] big = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        assertFile(big, "for stor");
        // a data row with the other separator: per-row message
        post(excel("{p},2023-03-12,3324,,NEW_JOBS,2,,,,,ok").getBytes(StandardCharsets.UTF_8), true).then()
                .statusCode(200).body("errors[0].message", containsString("skilletegnet"));
        assertEquals(0, countMine());
    }

    void assertFile(byte[] body, String messagePart) {
        post(body, false).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString(messagePart));
    }

    @Test
    void importPageChecksAndImports() {
        given().get("/results/import").then().statusCode(200).body(containsString("enctype=\"multipart/form-data\""));
        given().get("/results/import/template.csv").then().statusCode(200)
                .body(containsString("project_id;date;municipality_code"));
        Forms.Csrf csrf = Forms.csrf("/results/import");
        byte[] file = excel("{p};2023-03-12;3324;;NEW_JOBS;2,5;;;;;ok", "{p};2023-03-12;3324;;NEW_JOBS;0;;;;;ok")
                .getBytes(StandardCharsets.UTF_8);
        given().redirects().follow(false).cookie(Forms.CSRF_COOKIE, csrf.cookie())
                .multiPart(Forms.CSRF_FIELD, csrf.token())
                .multiPart("mode", "import")
                .multiPart("file", "mine.csv", file, "text/csv")
                .post("/results/import").then().statusCode(400)
                .body(containsString("1 av 2 rader har feil"))
                .body(containsString("id=\"import-errors\""));
        assertEquals(0, countMine());
        byte[] good = excel("{p};2023-03-12;3324;;NEW_JOBS;2,5;;;;;ok").getBytes(StandardCharsets.UTF_8);
        given().redirects().follow(false).cookie(Forms.CSRF_COOKIE, csrf.cookie())
                .multiPart(Forms.CSRF_FIELD, csrf.token())
                .multiPart("mode", "import")
                .multiPart("file", "mine.csv", good, "text/csv")
                .post("/results/import").then().statusCode(303);
        assertEquals(1, countMine());
    }

    @Test
    @TestSecurity(user = "board-importer", roles = "board")
    void boardCannotImport() {
        post("project_id,date\n".getBytes(StandardCharsets.UTF_8), true).then().statusCode(403);
    }

    @Test
    void doubleCountingIsWarnedPerRow() {
        Fixture fx = new Fixture(em);
        // an org. number no other test uses, so the second row has nothing to collide with
        String fresh = ResultDemoData.orgNumber(new java.util.Random(System.nanoTime()));
        long other = fx.project("Annet prosjekt " + tag, "innovasjon", "5");
        fx.result(other, "3324", "innovasjon", "2023-02-01", "NEW_JOBS", "1.0", null, null, "APPROVED", "Bø AS",
                "964951462", null);
        byte[] file = excel("{p};2023-03-12;3324;;NEW_JOBS;2;;;Bø AS;NO 964 951 462 MVA;ok",
                "{p};2024-03-12;3324;;NEW_JOBS;2;;;Ny AS;" + fresh + ";ok").getBytes(StandardCharsets.UTF_8);
        post(file, true).then().statusCode(200).body("valid", equalTo(true))
                .body("accepted[0].warnings[0]", containsString("Annet prosjekt " + tag))
                .body("accepted[1].warnings.size()", equalTo(0));
    }
}
