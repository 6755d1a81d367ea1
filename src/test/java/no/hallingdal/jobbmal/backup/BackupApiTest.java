package no.hallingdal.jobbmal.backup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups over HTTP: the API and the admin page take, list and hand out backups, for admins only. */
@QuarkusTest
class BackupApiTest {

    @Inject
    BackupService service;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Scheduler scheduler;

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void apiTakesABackupOfEveryTableWithOwnerOnlyPermissions() throws Exception {
        Response r = given().contentType("application/json").body("{}").post("/api/v1/backups");
        r.then().statusCode(201).contentType("application/json")
                .body("name", matchesPattern("jobbmal-backup-\\d{8}T\\d{9}Z\\.zip"))
                .header("Location", containsString("/api/v1/backups/jobbmal-backup-"));
        String name = r.jsonPath().getString("name");
        Path file = service.directory().resolve(name);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        given().get("/api/v1/backups").then().statusCode(200).body("name", org.hamcrest.Matchers.hasItem(name));

        byte[] zip = given().get("/api/v1/backups/" + name).then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", containsString(name)).extract().asByteArray();
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Manifest m = Manifest.read(new ByteArrayInputStream(entries.get(Manifest.ENTRY).getBytes()));
        TreeSet<String> inBackup = new TreeSet<>(m.tables().stream().map(Manifest.Table::name).toList());
        try (Connection c = dataSource.getConnection()) {
            TreeSet<String> expected = new TreeSet<>(new Catalogue(c).dataTables());
            assertEquals(expected, inBackup, "every table of the catalogue but Flyway's history");
            for (Manifest.Table t : m.tables()) {
                assertTrue(entries.containsKey(t.file()), t.file());
                assertTrue(t.rows() >= 0);
            }
            // the fixed tables hold what the migrations put there
            assertEquals(count(c, "data_version"), rows(m, "data_version"));
            assertEquals(count(c, "municipality"), rows(m, "municipality"));
            assertTrue(rows(m, "app_user") >= 1, "the first admin is in the backup");
        }
        assertTrue(entries.get("tables/app_user.csv").startsWith("\"id\","), "a header row of column names");
    }

    static long rows(Manifest m, String table) {
        return m.tables().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().rows();
    }

    static long count(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void unknownOrCraftedNamesAreNotFound() {
        for (String name : List.of("jobbmal-backup-20240101T000000000Z.zip", "..%2F..%2Fjobbmal.mv.db", "session.key")) {
            given().get("/api/v1/backups/" + name).then().statusCode(404).contentType("application/problem+json");
            given().get("/admin/backups/" + name).then().statusCode(404).contentType(containsString("text/html"));
        }
    }

    @Test
    @TestSecurity(user = "styret", roles = "board")
    void otherRolesMayNotTakeListOrDownload() {
        given().contentType("application/json").body("{}").post("/api/v1/backups").then().statusCode(403);
        given().get("/api/v1/backups").then().statusCode(403);
        given().get("/admin/backups").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreAskedToLogIn() {
        given().get("/api/v1/backups").then().statusCode(401);
        given().redirects().follow(false).get("/admin/backups").then().statusCode(302);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void adminPageTakesABackupAndListsIt() {
        Response r = Forms.post("/admin/backups", "/admin/backups", Map.of());
        r.then().statusCode(303).header("Location", containsString("/admin/backups"));
        String newest = service.list().get(0).name();
        given().get("/admin/backups").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<caption>"), containsString("href=\"/admin/backups/" + newest + "\""),
                        containsString("Ta sikkerhetskopi nå"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void onlyTheNewestAreKept() throws IOException {
        Path dir = service.directory();
        Files.createDirectories(dir);
        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve(String.format("jobbmal-backup-2001010%dT0000000%02dZ.zip", i % 10, i)), "old");
        }
        given().contentType("application/json").body("{}").post("/api/v1/backups").then().statusCode(201);
        try (Stream<Path> files = Files.list(dir)) {
            long kept = files.filter(p -> BackupService.NAME.matcher(p.getFileName().toString()).matches()).count();
            assertEquals(14, kept, "JOBBMAL_BACKUP_KEEP defaults to 14");
        }
        assertTrue(service.list().stream().anyMatch(b -> b.name().startsWith("jobbmal-backup-20")
                && b.takenAt() != null), "the new backup is among the kept ones");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aFailedBackupAnswers503AndShowsOnThePage() throws IOException {
        Path dir = service.directory();
        Path aside = dir.resolveSibling("backups-aside");
        Files.createDirectories(dir);
        Files.move(dir, aside);
        Files.writeString(dir, "a file where the folder should be");
        try {
            given().contentType("application/json").body("{}").post("/api/v1/backups").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "60")
                    .body("detail", containsString("Sikkerhetskopien kunne ikke tas"));
            given().get("/admin/backups").then().statusCode(200).body(containsString("id=\"backup-failure\""));
        } finally {
            Files.delete(dir);
            Files.move(aside, dir);
        }
        given().contentType("application/json").body("{}").post("/api/v1/backups").then().statusCode(201);
        given().get("/admin/backups").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("id=\"backup-failure\"")));
    }

    @Test
    void theDailyBackupIsScheduled() {
        assertNotNull(scheduler.getScheduledJob(BackupScheduler.JOB), "scheduled at start");
        assertEquals("0 30 2 * * ?", BackupScheduler.cron(LocalTime.of(2, 30)));
        assertEquals("0 5 23 * * ?", BackupScheduler.cron(LocalTime.of(23, 5)));
    }
}
