package no.hallingdal.jobbmal.export;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.support.Fixture;
import no.hallingdal.jobbmal.support.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV and XLSX exports on a known data set in a database of their own. */
@QuarkusTest
@TestProfile(ExportTest.OwnDatabase.class)
@TestSecurity(user = "admin", roles = "admin")
class ExportTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.own("export");
        }
    }

    static final String TRICKY = "Bekreftelse «Ål» fra \"Bø AS\"; pris 1,5; linje 1\nlinje 2, æøå ÆØÅ";

    @Inject
    EntityManager em;

    static boolean loaded;

    @BeforeEach
    void data() {
        if (loaded) {
            return;
        }
        loaded = true;
        Fixture fx = new Fixture(em);
        long p1 = fx.project("Grønt skifte Ål", "baerekraft", "20");
        long p2 = fx.project("=Formelprosjekt", "innovasjon", "5");
        fx.result(p1, "3328", "baerekraft", "2022-02-01", "NEW_JOBS", "4.5", "2.0", "2.5", "APPROVED", "Bø AS", "964951462", TRICKY);
        fx.result(p1, "3328", "baerekraft", "2022-03-01", "NEW_JOBS", "0.1", null, null, "APPROVED", null, null, null);
        fx.result(p1, "3328", "baerekraft", "2022-03-02", "NEW_JOBS", "0.2", null, null, "APPROVED", null, null, null);
        fx.result(p2, "3324", "innovasjon", "2022-05-01", "NEW_JOBS", "3.0", null, null, "APPROVED", "=HYPERLINK(\"x\")", "964951462", "-5 stk");
        fx.result(p2, "3324", "innovasjon", "2023-01-15", "NEW_JOBS", "2.0", null, null, "PENDING", "+Pluss AS", null, "@SUM(A1)");
        fx.result(p2, "3324", "innovasjon", "2023-01-16", "SECURED_JOBS", "6.0", null, null, "APPROVED", "\tTab AS", null, "\rcr");
        fx.result(p2, "3320", "innovasjon", "2023-02-01", "NEW_COMPANY", "1.0", null, null, "APPROVED", "Ny AS", "123456785", "ok");
        fx.result(p2, "3320", "innovasjon", "2023-02-02", "NEW_JOBS", "9.0", null, null, "WITHDRAWN", null, null, null);
    }

    static List<CSVRecord> parse(String text, char separator) throws IOException {
        return CSVFormat.RFC4180.builder().setDelimiter(separator).get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void excelDialect() throws IOException {
        Response r = given().get("/export/results.csv");
        r.then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("jobbmal-resultater-alle.csv"));
        byte[] bytes = r.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "BOM");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("id;date;year;project_id;project;focus_area_code;focus_area;municipality_code;"
                + "municipality;kind;amount;women;men;company;org_number;status;evidence;registered_by;registered_at;"
                + "approved_by;approved_at;double_count\r\n"), text.substring(0, 200));
        List<CSVRecord> rows = parse(text, ';');
        assertEquals(9, rows.size());
        CSVRecord first = rows.get(1);
        assertEquals("2022-02-01", first.get(1));
        assertEquals("2022", first.get(2));
        assertEquals("Grønt skifte Ål", first.get(4));
        assertEquals("baerekraft", first.get(5));
        assertEquals("Bærekraft", first.get(6));
        assertEquals("3328", first.get(7));
        assertEquals("Ål", first.get(8));
        assertEquals("4,5", first.get(10));
        assertEquals("2,0", first.get(11));
        assertEquals("2,5", first.get(12));
        assertEquals("Bø AS", first.get(13));
        assertEquals("964951462", first.get(14));
        assertEquals(TRICKY, first.get(16));   // quotes, separators, line break and æøå survive
        assertEquals("Administrator", first.get(17));
        assertEquals("true", first.get(21));   // same org. number has new jobs in another project in 2022
        // every row, field by field, against the database, in this dialect's decimal comma
        @SuppressWarnings("unchecked")
        List<Object[]> db = em.createNativeQuery("""
                SELECT r.id, r.result_date, r.amount, r.women, r.men, r.company_name, r.org_number, r.evidence, r.status,
                       r.kind, r.municipality_code, (SELECT f.code FROM focus_area f WHERE f.id = r.focus_area_id),
                       r.project_id FROM result r
                ORDER BY r.result_date, r.id""").getResultList();
        assertEquals(db.size(), rows.size() - 1);
        for (int i = 0; i < db.size(); i++) {
            Object[] d = db.get(i);
            CSVRecord c = rows.get(i + 1);
            assertEquals(d[0].toString(), c.get(0));
            assertEquals(d[1].toString(), c.get(1));
            assertEquals(((BigDecimal) d[2]).toPlainString().replace('.', ','), c.get(10));
            assertEquals(d[3] == null ? "" : ((BigDecimal) d[3]).toPlainString().replace('.', ','), c.get(11));
            assertEquals(d[4] == null ? "" : ((BigDecimal) d[4]).toPlainString().replace('.', ','), c.get(12));
            assertEquals(d[5] == null ? "" : Cells.text((String) d[5]), c.get(13));
            assertEquals(d[6] == null ? "" : d[6], c.get(14));
            assertEquals(d[8], c.get(15));
            assertEquals(Cells.text((String) d[7]), c.get(16));
            assertEquals(d[9], c.get(9));
            assertEquals(d[10], c.get(7));
            assertEquals(d[11], c.get(5));
            assertEquals(d[12].toString(), c.get(3));
        }
    }

    @Test
    void aFilteredExportFlagsADoubleCountWhoseOtherProjectIsFilteredOut() throws IOException {
        // the unfiltered export counts doubles from its own rows; a filtered one must still see them all
        for (String q : List.of("", "&municipality=3328", "&focusArea=baerekraft", "&from=2022-01-01&to=2022-02-28")) {
            String text = given().get("/export/results.csv?dialect=rfc4180" + q).then().statusCode(200).extract()
                    .asString();
            List<CSVRecord> rows = parse(text, ',');
            CSVRecord first = rows.get(1);
            assertEquals("2022-02-01", first.get(1), q);
            assertEquals("964951462", first.get(14), q);
            assertEquals("true", first.get(21), "double count with the Gol row of the other project, " + q);
            for (CSVRecord r : rows.subList(2, rows.size())) {
                assertEquals("964951462".equals(r.get(14)) && r.get(1).startsWith("2022") ? "true" : "false",
                        r.get(21), "row " + r.get(0) + q);
            }
        }
    }

    @Test
    void rfcDialectRoundTripsEveryFieldAgainstTheDatabase() throws IOException {
        byte[] bytes = given().get("/export/results.csv?dialect=rfc4180").then().statusCode(200).extract().asByteArray();
        assertFalse(bytes[0] == (byte) 0xEF, "no BOM");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"));
        List<CSVRecord> rows = parse(text, ',');
        @SuppressWarnings("unchecked")
        List<Object[]> db = em.createNativeQuery("""
                SELECT r.id, r.result_date, r.amount, r.women, r.men, r.company_name, r.org_number, r.evidence, r.status,
                       r.kind, r.municipality_code FROM result r ORDER BY r.result_date, r.id""").getResultList();
        assertEquals(db.size(), rows.size() - 1);
        for (int i = 0; i < db.size(); i++) {
            Object[] d = db.get(i);
            CSVRecord c = rows.get(i + 1);
            assertEquals(d[0].toString(), c.get(0));
            assertEquals(d[1].toString(), c.get(1));
            assertEquals(((BigDecimal) d[2]).toPlainString(), c.get(10));
            assertEquals(d[3] == null ? "" : ((BigDecimal) d[3]).toPlainString(), c.get(11));
            assertEquals(d[4] == null ? "" : ((BigDecimal) d[4]).toPlainString(), c.get(12));
            assertEquals(d[5] == null ? "" : Cells.text((String) d[5]), c.get(13));
            assertEquals(d[6] == null ? "" : d[6], c.get(14));
            assertEquals(Cells.text((String) d[7]), c.get(16));
            assertEquals(d[8], c.get(15));
            assertEquals(d[9], c.get(9));
            assertEquals(d[10], c.get(7));
        }
    }

    @Test
    void formulaCellsArePrefixed() throws IOException {
        String text = given().get("/export/results.csv?dialect=rfc4180").then().statusCode(200).extract().asString();
        List<CSVRecord> rows = parse(text, ',');
        Map<String, String> companyToEvidence = new HashMap<>();
        for (CSVRecord r : rows.subList(1, rows.size())) {
            companyToEvidence.put(r.get(13), r.get(16));
        }
        assertEquals("'-5 stk", companyToEvidence.get("'=HYPERLINK(\"x\")"));
        assertEquals("'@SUM(A1)", companyToEvidence.get("'+Pluss AS"));
        assertEquals("'\rcr", companyToEvidence.get("'\tTab AS"));
        assertTrue(text.contains("'=Formelprosjekt"));
    }

    @Test
    void summaryEqualsTheProgressApiToTheDecimal() throws IOException {
        for (String q : List.of("", "year=2022", "year=2023", "municipality=3328", "focusArea=innovasjon",
                "year=2022&municipality=3043")) {
            String csv = given().get("/export/summary.csv?dialect=rfc4180&" + q).then().statusCode(200).extract().asString();
            List<CSVRecord> rows = parse(csv, ',');
            CSVRecord total = rows.get(rows.size() - 1);
            assertEquals("Totalt", total.get(2), q);
            JsonPath api = new JsonPath(given().get("/api/v1/progress" + (q.isEmpty() ? "" : "?" + q)).then().statusCode(200).extract().asString())
                    .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
            assertEquals(api.getString("countedNewJobs"), total.get(5), "counted " + q);
            assertEquals(api.getString("pendingNewJobs"), total.get(6), "pending " + q);
            assertEquals(api.getString("securedJobs"), total.get(7), "secured " + q);
            assertEquals(api.getString("newCompanies"), total.get(8), "companies " + q);
        }
        String csv = given().get("/export/summary.csv?dialect=rfc4180").then().extract().asString();
        List<CSVRecord> rows = parse(csv, ',');
        // 2022: Ål × bærekraft 4.8, Gol × innovasjon 3.0; 2023: Gol × innovasjon (pending 2, secured 6), Flå × innovasjon (company 1)
        assertEquals(List.of("year", "municipality_code", "municipality", "focus_area_code", "focus_area",
                "new_jobs_counted", "new_jobs_pending", "secured_jobs", "new_companies"), rows.get(0).toList());
        assertEquals(List.of("2022", "3324", "Gol", "innovasjon", "Innovasjon", "3.0", "0.0", "0.0", "0.0"), rows.get(1).toList());
        assertEquals(List.of("2022", "3328", "Ål", "baerekraft", "Bærekraft", "4.8", "0.0", "0.0", "0.0"), rows.get(2).toList());
        assertEquals(List.of("2022", "", "Sum 2022", "", "", "7.8", "0.0", "0.0", "0.0"), rows.get(3).toList());
        assertEquals(List.of("2023", "3320", "Flå", "innovasjon", "Innovasjon", "0.0", "0.0", "0.0", "1.0"), rows.get(4).toList());
        assertEquals(List.of("2023", "3324", "Gol", "innovasjon", "Innovasjon", "0.0", "2.0", "6.0", "0.0"), rows.get(5).toList());
        assertEquals(List.of("", "", "Totalt", "", "", "7.8", "2.0", "6.0", "1.0"), rows.get(rows.size() - 1).toList());
    }

    @Test
    void filtersAndFileNames() {
        given().get("/export/results.csv?year=2022&municipality=3043").then().statusCode(200)
                .header("Content-Disposition", containsString("jobbmal-resultater-2022-3328.csv"));
        String text = given().get("/export/results.csv?dialect=rfc4180&kind=NEW_JOBS&status=APPROVED&from=2022-03-01&to=2022-12-31")
                .then().statusCode(200).extract().asString();
        assertEquals(4, text.split("\r\n").length); // header + 0.1, 0.2, 3.0
    }

    @ParameterizedTest
    @ValueSource(strings = {"dialect=semicolon", "year=abc", "municipality=9999", "focusArea=x", "kind=JOBS",
            "status=DONE", "from=2023-13-01", "from=2023-05-01&to=2023-01-01"})
    void badParametersAre400NamingTheParameter(String q) {
        String name = q.split("=")[0].equals("from") && q.contains("to=") ? "to" : q.split("=")[0];
        given().get("/export/results.csv?" + q).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(name));
    }

    @Test
    void xlsxHasNumberCellsTextCodesFrozenHeaderAndFilter() throws IOException {
        Response r = given().get("/export/results.xlsx?year=2022");
        r.then().statusCode(200).header("Content-Disposition", containsString("jobbmal-resultater-2022.xlsx"));
        String sheet = null;
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        java.nio.file.Files.write(file, r.asByteArray());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry("xl/worksheets/sheet1.xml");
            if (e != null) {
                sheet = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertTrue(sheet != null, "sheet1.xml present");
        assertTrue(sheet.contains("ySplit=\"1\""), "frozen header row");
        assertTrue(sheet.contains("<autoFilter"), "filter on the header");
        assertTrue(sheet.matches("(?s).*<c r=\"K2\"[^>]*><v>4\\.5</v></c>.*"), "amount is a number cell");
        assertTrue(sheet.matches("(?s).*<c r=\"O2\"[^>]*t=\"(s|inlineStr|str)\".*"), "org number is a text cell");
        given().get("/export/summary.xlsx").then().statusCode(200)
                .contentType(containsString("spreadsheetml"));
    }

    @Test
    void exportPageAndDownloadForm() {
        given().get("/export").then().statusCode(200)
                .body(containsString("CSV for Excel"))
                .body(containsString("name=\"format\" value=\"rfc4180\""));
        given().redirects().follow(false).get("/export/download?dataset=summary&format=xlsx&year=2023").then()
                .statusCode(303).header("Location", containsString("/export/summary.xlsx?year=2023"));
        given().redirects().follow(false).get("/export/download?dataset=results&format=excel-nb").then()
                .statusCode(303).header("Location", containsString("/export/results.csv?dialect=excel-nb"));
        given().redirects().follow(false).get("/export/download?format=pdf").then().statusCode(400);
    }

    /** LibreOffice, or null when it is not installed (then the test is skipped, but fails under CI=true). */
    static String soffice() {
        for (String c : List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice")) {
            if (new java.io.File(c).canExecute()) {
                return c;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but LibreOffice is missing: install libreoffice-calc-nogui");
        }
        org.junit.jupiter.api.Assumptions.abort("LibreOffice not installed; spreadsheet test skipped");
        return null;
    }

    /** Converts a file to flat ODS XML with LibreOffice (in a folder of its own, deleted after) and returns the XML. */
    static String toFods(String soffice, java.nio.file.Path file, String infilter) throws Exception {
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("export-lo");
        try {
            return toFods(soffice, file, infilter, work);
        } finally {
            try (var paths = java.nio.file.Files.walk(work)) {
                for (java.nio.file.Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(path);
                }
            } catch (java.io.IOException e) {
                // a leftover folder in the temporary directory is no reason to fail the test
            }
        }
    }

    private static String toFods(String soffice, java.nio.file.Path file, String infilter, java.nio.file.Path work)
            throws Exception {
        java.nio.file.Path out = java.nio.file.Files.createDirectory(work.resolve("out"));
        java.nio.file.Path profile = java.nio.file.Files.createDirectory(work.resolve("profile"));
        List<String> cmd = new java.util.ArrayList<>(List.of(soffice, "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--convert-to", "fods", "--outdir", out.toString()));
        if (infilter != null) {
            cmd.add("--infilter=" + infilter);
        }
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS), "LibreOffice finished");
        String name = file.getFileName().toString().replaceAll("\\.[a-z]+$", ".fods");
        java.nio.file.Path fods = out.resolve(name);
        assertTrue(java.nio.file.Files.exists(fods), "LibreOffice converted " + file + ": " + log);
        return java.nio.file.Files.readString(fods);
    }

    @Test
    void aRealSpreadsheetReadsNumbersAndLetters(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String soffice = soffice();
        java.nio.file.Path csv = dir.resolve("resultater.csv");
        java.nio.file.Files.write(csv, given().get("/export/results.csv?year=2022").then().statusCode(200)
                .extract().asByteArray());
        // As Norwegian Excel opens it: ';' separated, UTF-8, Norwegian locale (decimal comma)
        String fromCsv = toFods(soffice, csv, "CSV:59,34,76,1,,1044");
        assertTrue(fromCsv.contains("office:value-type=\"float\" office:value=\"4.5\""), "4,5 read as the number 4.5");
        assertTrue(fromCsv.contains("office:value=\"0.1\"") && fromCsv.contains("office:value=\"0.2\""), "small amounts");
        assertTrue(fromCsv.contains("Grønt skifte Ål"), "æøå intact from CSV");
        assertTrue(fromCsv.contains("&apos;=Formelprosjekt") || fromCsv.contains("'=Formelprosjekt"),
                "formula-like text stays text");
        java.nio.file.Path xlsx = dir.resolve("resultater.xlsx");
        java.nio.file.Files.write(xlsx, given().get("/export/results.xlsx?year=2022").then().statusCode(200)
                .extract().asByteArray());
        String fromXlsx = toFods(soffice, xlsx, null);
        assertTrue(fromXlsx.contains("office:value-type=\"float\" office:value=\"4.5\""), "XLSX amount is a number");
        assertTrue(fromXlsx.contains("Grønt skifte Ål"), "æøå intact from XLSX");
        assertTrue(fromXlsx.contains("<text:p>964951462</text:p>"), "org. number kept as text");
        assertTrue(fromXlsx.contains("office:date-value=\"2022-02-01"), "date cell is a date");
    }
}
