package no.hallingdal.jobbmal.export;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.support.Fixture;
import no.hallingdal.jobbmal.support.TestDatabase;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results export when its rows do not fit in the sort memory (4 KB here, a dozen rows): sorted runs go
 * to temporary files, are merged in date and id order, and are deleted afterwards.
 */
@QuarkusTest
@TestProfile(ExportSpillTest.SmallSortMemory.class)
@TestSecurity(user = "admin", roles = "admin")
class ExportSpillTest {

    public static class SmallSortMemory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.own("export-spill", Map.of("jobbmal.export.sort-memory", "4K"));
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ExportService service;

    @Test
    void aSpillingExportHasEveryRowInDateAndIdOrderWithItsDoubleCount() throws IOException {
        Fixture fx = new Fixture(em);
        long p1 = fx.project("Spill én", "baerekraft", "20");
        long p2 = fx.project("Spill to", "innovasjon", "20");
        Random random = new Random(11);
        String[] orgs = {"964951462", "123456785", null};
        for (int i = 0; i < 150; i++) { // dates in random order, many equal: ids are not in date order
            String date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(15)).toString();
            String kind = i % 5 == 0 ? "SECURED_JOBS" : "NEW_JOBS";
            String status = i % 7 == 0 ? "WITHDRAWN" : "APPROVED";
            fx.result(random.nextBoolean() ? p1 : p2, "3328", "baerekraft", date, kind, "1.5", null, null, status,
                    "Bø AS", orgs[random.nextInt(3)], ExportTest.TRICKY + " nr. " + i);
        }
        // the order, evidence and double count the database gives, with the lists' rule written as EXISTS
        @SuppressWarnings("unchecked")
        List<Object[]> db = em.createNativeQuery("""
                SELECT r.id, r.result_date, r.evidence,
                       CASE WHEN r.kind = 'NEW_JOBS' AND r.status <> 'WITHDRAWN' AND EXISTS (SELECT 1 FROM result o
                           WHERE o.org_number = r.org_number AND o.result_year = r.result_year AND o.kind = 'NEW_JOBS'
                             AND o.status <> 'WITHDRAWN' AND o.project_id <> r.project_id) THEN 'true' ELSE 'false' END
                FROM result r ORDER BY r.result_date, r.id""").getResultList();
        assertEquals(150, db.size());

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
        assertTrue(doubled > 10 && doubled < 100, "both flags present: " + doubled);

        // the same through the service: runs on disk while the rows are handed out, none afterwards
        Set<Path> before = ResultSortTest.runFiles();
        Set<Path> during = new HashSet<>();
        List<Long> ids = new ArrayList<>();
        long n = service.results(new ExportFilter(null, null, null, null, null, null, null), r -> {
            if (ids.isEmpty()) {
                during.addAll(ResultSortTest.runFiles());
            }
            ids.add(r.id());
        });
        assertEquals(150, n);
        assertEquals(db.stream().map(d -> ((Number) d[0]).longValue()).toList(), ids);
        during.removeAll(before);
        assertTrue(during.size() > 3, "sorted runs on disk: " + during.size());
        for (Path p : during) {
            assertFalse(Files.exists(p), p + " deleted");
        }
    }
}
