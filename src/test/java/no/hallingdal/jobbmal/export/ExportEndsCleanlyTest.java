package no.hallingdal.jobbmal.export;

import io.agroal.api.AgroalDataSource;
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
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results export through the real service and database: a failure while the rows go out, and a client
 * that breaks off, end the export and give its connection back (more times than the pool has connections);
 * the rows come in date and id order with the double count the database gives; a filtered export flags the
 * same double counts as the unfiltered one.
 */
@QuarkusTest
@TestProfile(ExportEndsCleanlyTest.OwnDatabase.class)
@TestSecurity(user = "admin", roles = "admin")
class ExportEndsCleanlyTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.own("export-ends-cleanly");
        }
    }

    static ExportFilter all() {
        return new ExportFilter(no.hallingdal.jobbmal.support.Fixture.seededProgramme().id, "all", null, null, null,
                null, null, null, null, null, null, null);
    }
    /** More exports than the pool has connections (quarkus.datasource.jdbc.max-size): a leak would block. */
    static final int TIMES = 40;

    @Inject
    EntityManager em;

    @Inject
    ExportService service;

    @Inject
    AgroalDataSource dataSource;

    /** Results with org. numbers shared between projects and years, and awkward text. */
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
    void aFailureWhileTheRowsGoOutEndsTheExportAndGivesTheConnectionBack() throws Exception {
        results(1, 60);
        for (int i = 0; i < TIMES; i++) {
            RuntimeException failure = new IllegalStateException("writing failed");
            int[] rows = {0};
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> service.results(all(), r -> {
                if (++rows[0] == 40) {
                    throw failure;
                }
            }));
            assertSame(failure, thrown);
        }
        assertConnectionsUsable();
        long all = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM result").getSingleResult()).longValue();
        assertEquals(all, service.results(all(), r -> { }));
    }

    @Test
    void aClientThatBreaksOffEndsTheExportAndGivesTheConnectionBack() throws Exception {
        results(2, 600); // several times the writer's buffer: the first bytes go out while rows are still read
        for (int i = 0; i < TIMES; i++) {
            long[] attempts = {0};
            OutputStream client = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    attempts[0]++;
                    throw new IOException("Connection reset by peer");
                }
            };
            IOException thrown = assertThrows(IOException.class,
                    () -> CsvExport.results(client, CsvDialect.EXCEL_NB, service, all()));
            assertEquals("Connection reset by peer", thrown.getMessage());
            assertEquals(1, attempts[0], "the export stopped at the first failed write");
        }
        assertConnectionsUsable();
        assertFalse(flags("").isEmpty());
    }

    /** Connections from the pool are in autocommit again, as the rest of the app expects them. */
    void assertConnectionsUsable() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Connection c = dataSource.getConnection();
                held.add(c);
                assertTrue(c.getAutoCommit(), "autocommit restored");
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void everyRowInDateAndIdOrderWithTheDoubleCountTheDatabaseGives() throws IOException {
        results(4, 150);
        // the order, evidence and double count the database gives, with the lists' rule written out as EXISTS
        @SuppressWarnings("unchecked")
        List<Object[]> db = em.createNativeQuery("""
                SELECT r.id, r.result_date, r.evidence,
                       CASE WHEN r.kind = 'NEW_JOBS' AND r.status <> 'WITHDRAWN' AND EXISTS (SELECT 1 FROM result o
                           WHERE o.org_number = r.org_number AND o.result_year = r.result_year AND o.kind = 'NEW_JOBS'
                             AND o.status <> 'WITHDRAWN' AND o.project_id <> r.project_id) THEN 'true' ELSE 'false' END
                FROM result r ORDER BY r.result_date, r.id""").getResultList();
        String text = given().get("/export/results.csv?dialect=rfc4180").then().statusCode(200).extract().asString();
        List<CSVRecord> rows = ExportTest.parse(text, ',');
        assertEquals(db.size() + 1, rows.size());
        int doubled = 0;
        for (int i = 0; i < db.size(); i++) {
            Object[] d = db.get(i);
            CSVRecord c = rows.get(i + 1);
            assertEquals(d[0].toString(), c.get(0), "row " + i);
            assertEquals(d[1].toString(), c.get(1));
            assertEquals(d[2], c.get(16));
            assertEquals(d[3], c.get(21), "double count of " + d[0]);
            doubled += "true".equals(d[3]) ? 1 : 0;
        }
        assertTrue(doubled > 10 && doubled < db.size() / 2, "both flags present: " + doubled);
    }

    @Test
    void aFilteredExportGivesTheSameDoubleCountsAsTheUnfilteredOne() throws IOException {
        results(3, 120);
        Map<String, String> all = flags("");
        assertTrue(all.containsValue("true") && all.containsValue("false"), "both flags: " + all.values());
        List<ResultRow> rows = new ArrayList<>();
        service.results(all(), rows::add);
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
