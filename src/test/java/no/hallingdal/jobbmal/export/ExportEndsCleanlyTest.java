package no.hallingdal.jobbmal.export;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.export.ExportService.ResultRow;
import no.hallingdal.jobbmal.support.Fixture;
import no.hallingdal.jobbmal.support.TestDatabase;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export's two threads through the real service, with a sort memory of 4 KB so that runs are on disk:
 * a failure on the encoding thread, and a client that breaks off, end the export with no temporary file
 * left and no encoding thread still busy; the double counts of a filtered export agree with the unfiltered
 * one, whose flags are only known after its scan.
 */
@QuarkusTest
@TestProfile(ExportEndsCleanlyTest.SmallSortMemory.class)
@TestSecurity(user = "admin", roles = "admin")
class ExportEndsCleanlyTest {

    public static class SmallSortMemory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.own("export-ends-cleanly", Map.of("jobbmal.export.sort-memory", "4K"));
        }
    }

    static final ExportFilter ALL = new ExportFilter(null, null, null, null, null, null, null);

    @Inject
    EntityManager em;

    @Inject
    ExportService service;

    /** Results enough for several runs on disk, with org. numbers shared between projects and years. */
    void results(long seed, int n) {
        Fixture fx = new Fixture(em);
        long[] projects = {fx.project("Ende " + seed + " A", "baerekraft", "10"),
            fx.project("Ende " + seed + " B", "innovasjon", "10"), fx.project("Ende " + seed + " C", "innovasjon", "10")};
        String[] municipalities = {"3328", "3324", "3320"};
        String[] orgs = {"964951462", "123456785", "974760673", "ORG-1", null};
        String[] kinds = {"NEW_JOBS", "NEW_JOBS", "NEW_JOBS", "SECURED_JOBS", "NEW_COMPANY"};
        String[] statuses = {"APPROVED", "APPROVED", "PENDING", "RETURNED", "WITHDRAWN"};
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            String date = LocalDate.of(2022 + random.nextInt(3), 1, 1).plusDays(random.nextInt(300)).toString();
            fx.result(projects[random.nextInt(3)], municipalities[random.nextInt(3)],
                    random.nextBoolean() ? "baerekraft" : "innovasjon", date, kinds[random.nextInt(kinds.length)], "1.5",
                    null, null, statuses[random.nextInt(statuses.length)], "Bø AS", orgs[random.nextInt(orgs.length)],
                    ExportTest.TRICKY + " " + i);
        }
    }

    @Test
    void aFailureOnTheEncodingThreadEndsTheExportWithNothingLeft() throws Exception {
        results(1, 60);
        Set<Path> before = ResultSortTest.runFiles();
        Set<Path> during = new HashSet<>();
        IllegalStateException failure = new IllegalStateException("formatting failed");
        int[] encoded = {0};
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> service.results(ALL,
                new ExportService.RowFormat() {
                    @Override
                    public void encode(ResultRow row, Bytes out) throws IOException {
                        if (++encoded[0] == 40) {
                            during.addAll(ResultSortTest.runFiles());
                            throw failure;
                        }
                        RowCodec.encode(row, out);
                    }

                    @Override
                    public void accept(long day, long id, byte[] payload, int offset, int length, boolean doubleCount) {
                        throw new AssertionError("no row goes out after a failure");
                    }
                }));
        assertSame(failure, thrown);
        assertNothingLeft(before, during);
    }

    @Test
    void aClientThatBreaksOffEndsTheExportWithNothingLeft() throws Exception {
        results(2, 60);
        Set<Path> before = ResultSortTest.runFiles();
        Set<Path> during = new HashSet<>();
        long[] written = {0};
        OutputStream client = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                during.addAll(ResultSortTest.runFiles()); // the runs are there as the sorted lines go out
                written[0] += len;
                if (written[0] > 3) { // the BOM went out, then the connection is gone
                    throw new IOException("Connection reset by peer");
                }
            }
        };
        IOException thrown = assertThrows(IOException.class, () -> CsvExport.results(client, CsvDialect.EXCEL_NB, service,
                ALL));
        assertEquals("Connection reset by peer", thrown.getMessage());
        assertNothingLeft(before, during);
    }

    void assertNothingLeft(Set<Path> before, Set<Path> during) throws InterruptedException {
        during.removeAll(before);
        assertTrue(during.size() > 1, "runs were on disk: " + during.size());
        for (Path p : during) {
            assertFalse(Files.exists(p), p + " deleted");
        }
        for (int i = 0; i < 200 && service.encodersBusy() > 0; i++) {
            Thread.sleep(10); // the pool counts a thread busy until just after its task returned
        }
        assertEquals(0, service.encodersBusy(), "no encoding thread still busy");
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement e : t.getValue()) {
                assertFalse(e.getClassName().startsWith(ExportPipeline.class.getName()),
                        t.getKey().getName() + " still in the pipeline");
            }
        }
    }

    @Test
    void aFilteredExportGivesTheSameDoubleCountsAsTheUnfilteredOne() throws IOException {
        results(3, 120);
        Map<String, String> all = flags("");
        assertTrue(all.containsValue("true") && all.containsValue("false"), "both flags: " + all.values());
        List<ResultRow> rows = new java.util.ArrayList<>();
        service.results(ALL, rows::add);
        for (ResultRow r : rows) {
            assertEquals(all.get(Long.toString(r.id())), Boolean.toString(r.doubleCount()), "XLSX rows, id " + r.id());
        }
        for (String q : List.of("year=2022", "year=2023", "municipality=3328", "focusArea=innovasjon", "kind=NEW_JOBS",
                "status=APPROVED", "status=PENDING", "from=2023-03-01&to=2024-02-29", "year=2024&municipality=3320")) {
            Map<String, String> filtered = flags("&" + q);
            assertFalse(filtered.isEmpty(), q);
            for (Map.Entry<String, String> row : filtered.entrySet()) {
                assertEquals(all.get(row.getKey()), row.getValue(), "id " + row.getKey() + " with " + q);
            }
        }
        assertTrue(flags("&kind=NEW_JOBS&status=APPROVED").containsValue("true"));
    }

    /** id → double_count of the results CSV export with these parameters. */
    Map<String, String> flags(String query) throws IOException {
        String text = given().get("/export/results.csv?dialect=rfc4180" + query).then().statusCode(200).extract().asString();
        List<CSVRecord> rows = ExportTest.parse(text, ',');
        Map<String, String> out = new HashMap<>();
        for (CSVRecord r : rows.subList(1, rows.size())) {
            out.put(r.get(0), r.get(21));
        }
        assertEquals(rows.size() - 1, out.size());
        return out;
    }
}
