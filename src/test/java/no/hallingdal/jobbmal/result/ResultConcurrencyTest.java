package no.hallingdal.jobbmal.result;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.hallingdal.jobbmal.project.Project;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 50 registrations sent in parallel over real HTTP (HTTP Basic as the admin): each stored once, sum exact. */
@QuarkusTest
class ResultConcurrencyTest {

    @Test
    void fiftyParallelRegistrationsAreAllStoredOnceWithAnExactSum() throws Exception {
        Project project = ResultTestData.project("Parallell", List.of("3326"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> futures = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 50; i++) {
            BigDecimal amount = new BigDecimal("0.1").multiply(BigDecimal.valueOf(i % 7 + 1));
            expected = expected.add(amount);
            String evidence = "Parallell registrering " + i;
            futures.add(pool.submit(() -> given().auth().preemptive().basic("admin", "test-admin-password-1")
                    .contentType(ContentType.JSON)
                    .body(Map.of("projectId", project.id, "municipality", "3326", "date", "2024-03-01",
                            "kind", "NEW_JOBS", "amount", amount, "evidence", evidence))
                    .post("/api/v1/results").statusCode()));
        }
        for (Future<Integer> f : futures) {
            assertEquals(201, f.get());
        }
        pool.shutdown();
        String json = given().auth().preemptive().basic("admin", "test-admin-password-1")
                .get("/api/v1/results?project=" + project.id + "&size=200").then().statusCode(200)
                .extract().asString();
        assertEquals(50, ResultTestData.countResults(project.id));
        assertEquals(true, json.contains("\"total\":50"), json);
        assertEquals(true, json.contains("\"sumAmount\":" + expected.toPlainString()), expected + " in " + json);
        long distinct = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Result.getEntityManager()
                .createQuery("select count(distinct r.evidence) from Result r where r.project.id = ?1", Long.class)
                .setParameter(1, project.id).getSingleResult());
        assertEquals(50, distinct);
        // the figures' aggregate took every parallel registration exactly once
        long programme = project.programme.id;
        assertEquals(List.of(), io.quarkus.arc.Arc.container().instance(ResultSums.class).get().differences(programme));
    }
}
