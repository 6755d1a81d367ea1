package no.hallingdal.jobbmal.backup;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full or unwritable data folder: writes answer 503 with the reason (problem+json in the API, the error page
 * for forms), reads go on, and the health check is DOWN with the reason. The real disk is replaced by a guard
 * that reports it full; scripts/disk-full.sh does the same with a real, filled file system.
 */
@QuarkusTest
class StorageGuardTest {

    @TempDir
    Path dir;

    static class FullDisk extends StorageGuard {
        @Override
        public State state() {
            return new State(false, "backup.storage.full", new Object[] {"/srv/jobbmal/data", 3, 64});
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void writesAnswer503WhileReadsAndHealthSayWhy() {
        QuarkusMock.installMockForType(new FullDisk(), StorageGuard.class);
        given().contentType("application/json").body("{\"projectId\": 1}").post("/api/v1/results").then()
                .statusCode(503).contentType("application/problem+json").header("Retry-After", "60")
                .body("status", org.hamcrest.Matchers.is(503))
                .body("detail", containsString("nesten full (3 MB ledig, minst 64 MB trengs)"));
        Forms.post("/admin/years", "/admin/years/2023/lock", Map.of()).then().statusCode(503)
                .contentType(containsString("text/html")).body(containsString("nesten full"));
        given().get("/api/v1/progress").then().statusCode(200);
        Forms.post("/admin/years", "/logout", Map.of()).then().statusCode(303);
        given().get("/admin/years").then().statusCode(200);
        given().get("/q/health").then().statusCode(503).body("status", org.hamcrest.Matchers.is("DOWN"))
                .body("checks.data.reason", hasItem(containsString("nearly full (3 MB free")));
    }

    @Test
    void aNewSignInIsRefusedWithTheReasonWithoutLookingAtThePassword() {
        QuarkusMock.installMockForType(new FullDisk(), StorageGuard.class);
        for (String password : new String[] {"wrong", "admin-password-not-checked"}) {
            given().redirects().follow(false).formParam("j_username", "admin").formParam("j_password", password)
                    .post("/j_security_check").then().statusCode(302)
                    .header("Location", org.hamcrest.Matchers.endsWith("/login?error=unavailable"))
                    .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        }
        given().get("/login?error=unavailable").then().statusCode(200)
                .body(containsString("id=\"login-unavailable\""), containsString("Innlogging er ikke mulig nå"));
    }

    @Test
    void afterH2FailedToWriteEveryChangeWaitsForARestart() {
        StorageGuard guard = new StorageGuard();
        guard.jdbcUrl = Optional.of("jdbc:h2:file:" + dir.resolve("jobbmal") + ";AUTO_SERVER=FALSE");
        guard.failed();
        assertFalse(guard.writable());
        assertEquals("backup.storage.failed", guard.state().reasonKey());
        assertEquals(dir.toAbsolutePath().normalize(), guard.state().args()[0]);

        StorageGuard postgres = new StorageGuard();
        postgres.jdbcUrl = Optional.of("jdbc:postgresql://localhost/jobbmal");
        postgres.failed(); // PostgreSQL stays open after a full disk: nothing to wait for
        assertTrue(postgres.writable());
    }

    @Test
    void healthIsUpOnAWritableDisk() {
        given().get("/q/health").then().statusCode(200).body("checks.name", hasItem("storage"));
    }

    @Test
    void looksAtTheFolderOfAnH2FileDatabaseOnly() {
        assertEquals(Optional.of(Path.of("data").toAbsolutePath()),
                StorageGuard.directory("jdbc:h2:file:./data/jobbmal;AUTO_SERVER=FALSE;WRITE_DELAY=0").map(Path::normalize));
        assertEquals(Optional.of(Path.of("/srv/j")), StorageGuard.directory("jdbc:h2:/srv/j/db"));
        assertEquals(Optional.empty(), StorageGuard.directory("jdbc:h2:mem:jobbmal;DB_CLOSE_DELAY=-1"));
        assertEquals(Optional.empty(), StorageGuard.directory("jdbc:postgresql://localhost:5432/jobbmal"));
    }

    @Test
    void manyRequestsLookingAtOnceAllSeeAWritableFolder() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var looks = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 400; i++) {
                looks.add(pool.submit(() -> StorageGuard.inspect(dir, 1).writable()));
            }
            for (var f : looks) {
                assertTrue(f.get(), "a look at the same time as others must not see its probe file vanish");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void inspectsFreeSpaceAndTheFolder() {
        assertTrue(StorageGuard.inspect(dir, 1).writable());
        StorageGuard.State full = StorageGuard.inspect(dir, Long.MAX_VALUE);
        assertFalse(full.writable());
        assertEquals("backup.storage.full", full.reasonKey());
        StorageGuard.State missing = StorageGuard.inspect(dir.resolve("gone"), 1);
        assertEquals("backup.storage.missing", missing.reasonKey());
        assertEquals(0, dir.toFile().list().length, "the probe file is removed");
    }
}
