package no.hallingdal.jobbmal.backup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backup and restore between two embedded H2 databases, without the application: what is restored equals
 * what was backed up, identities continue past the loaded ids, an older schema is migrated up afterwards,
 * and every kind of bad file or non-empty database is refused with the database left as it was.
 */
class DatabaseRestoreTest {

    @TempDir
    Path dir;

    /**
     * A new H2 file database. A file, not memory: H2 closes it when the last connection closes and reads the
     * schema afresh on the next, as after a restart (an in-memory one kept its check constraints tied to
     * Flyway's closed connection and refused every insert).
     */
    JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db-" + UUID.randomUUID()).toAbsolutePath());
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    static FluentConfiguration flyway(JdbcDataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    }

    /** A database at the newest schema version with users, a project, results and their history. */
    JdbcDataSource filled() throws SQLException {
        JdbcDataSource ds = h2();
        flyway(ds).load().migrate();
        fill(ds);
        return ds;
    }

    static void fill(JdbcDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user (username, display_name, email, password_hash, system_admin, active, created_at)"
                    + " VALUES ('kari', 'Kari \"K\" Nordmann', '', '$2a$10$abc', TRUE, TRUE, TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05.123456+00')");
            s.execute("INSERT INTO app_user (username, display_name, email, password_hash, active, created_at)"
                    + " VALUES ('ola', 'Ola, Ål\nHallingdal', NULL, '$2a$10$def', FALSE, TIMESTAMP WITH TIME ZONE '2023-06-30 23:59:59+00')");
            s.execute("INSERT INTO membership (user_id, programme_id, role) SELECT u.id, p.id, 'lead' FROM app_user u,"
                    + " programme p WHERE u.username = 'ola'");
            s.execute("INSERT INTO project (name, description, programme_id, focus_area_id, project_owner, phase, status,"
                    + " start_date, expected_new_jobs, created_at, updated_at) SELECT 'Prosjekt ;=1+1', NULL, f.programme_id,"
                    + " f.id, 'Eier AS', 'forprosjekt', 'active', DATE '2022-03-01', 12.5, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
                    + " FROM focus_area f WHERE f.code = 'innovasjon'");
            s.execute("INSERT INTO project_municipality (project_id, municipality_code) SELECT id, '3324' FROM project");
            s.execute("INSERT INTO result (project_id, programme_id, municipality_code, focus_area_id, result_date,"
                    + " result_year, kind, amount, company_name, evidence, status, registered_by, registered_at, updated_at)"
                    + " SELECT p.id, p.programme_id, '3324', p.focus_area_id, DATE '2023-05-02', 2023, 'NEW_JOBS', 2.5,"
                    + " 'Firma \u00c6\u00d8\u00c5', 'bekreftelse', 'APPROVED', u.id, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
                    + " FROM project p, app_user u WHERE u.username = 'kari'");
            s.execute("INSERT INTO change_event (entity_type, entity_id, action, changed_by_name, changed_at, reason)"
                    + " SELECT 'result', id, 'created', 'Kari', CURRENT_TIMESTAMP, '' FROM result");
            s.execute("INSERT INTO change_field (event_id, field_name, old_value, new_value)"
                    + " SELECT id, 'amount', NULL, '2.5' FROM change_event");
            s.execute("UPDATE data_version SET version_number = 7 WHERE slot = 3");
        }
    }

    Path backup(JdbcDataSource ds) throws Exception {
        Path file = dir.resolve("backup-" + UUID.randomUUID() + ".zip");
        try (Connection c = ds.getConnection(); OutputStream out = Files.newOutputStream(file)) {
            SnapshotWriter.write(c, out, "test", Instant.parse("2024-05-10T02:30:00Z"));
        }
        return file;
    }

    static List<String> dump(JdbcDataSource ds, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }

    static int tables(JdbcDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return new Catalogue(c).allTables().size();
        }
    }

    @Test
    void restoredDatabaseEqualsTheOriginalAndNewRowsGetFreshIds() throws Exception {
        JdbcDataSource source = filled();
        Path file = backup(source);
        JdbcDataSource target = h2();
        DatabaseRestore.Outcome o = new DatabaseRestore(flyway(target)).restore(file);
        flyway(target).load().migrate();

        assertTrue(o.rows() > 0, "rows loaded: " + o.rows());
        for (String sql : List.of("SELECT * FROM app_user ORDER BY id", "SELECT * FROM project ORDER BY id",
                "SELECT * FROM result ORDER BY id", "SELECT * FROM change_event ORDER BY id",
                "SELECT * FROM change_field ORDER BY id", "SELECT * FROM data_version ORDER BY slot",
                "SELECT * FROM municipality ORDER BY code", "SELECT * FROM app_setting ORDER BY setting_key")) {
            assertEquals(dump(source, sql), dump(target, sql), sql);
        }
        // the empty text and NULL stay apart, and so do line breaks and quotes
        assertEquals(List.of("|", "null|"), dump(target, "SELECT email FROM app_user ORDER BY id"));
        assertEquals(List.of("Ola, Ål\nHallingdal|"), dump(target, "SELECT display_name FROM app_user WHERE username = 'ola'"));
        long max = Long.parseLong(dump(target, "SELECT MAX(id) FROM app_user").get(0).replace("|", ""));
        try (Connection c = target.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user (username, display_name, password_hash, active, created_at)"
                    + " VALUES ('ny', 'Ny', 'x', TRUE, CURRENT_TIMESTAMP)");
        }
        long fresh = Long.parseLong(dump(target, "SELECT id FROM app_user WHERE username = 'ny'").get(0).replace("|", ""));
        assertEquals(max + 1, fresh, "a new user gets the next id after the restored ones");
    }

    @Test
    void manifestCountsEveryTableOfTheCatalogueButFlywaysHistory() throws Exception {
        JdbcDataSource source = filled();
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE later_feature (id BIGINT PRIMARY KEY, note VARCHAR(20))");
            s.execute("INSERT INTO later_feature VALUES (1, 'med'), (2, NULL)");
        }
        Path file = backup(source);
        try (BackupArchive a = BackupArchive.open(file)) {
            a.verify();
            Manifest m = a.manifest();
            List<String> names = m.tables().stream().map(Manifest.Table::name).toList();
            assertTrue(names.contains("later_feature"), "a table added later is in the backup: " + names);
            assertTrue(!names.contains("flyway_schema_history"), "Flyway's own table is left out: " + names);
            for (Manifest.Table t : m.tables()) {
                long count = Long.parseLong(dump(source, "SELECT COUNT(*) FROM " + t.name()).get(0).replace("|", ""));
                assertEquals(count, t.rows(), t.name());
            }
            assertEquals(currentVersion(source), m.schemaVersion());
        }
    }

    static String currentVersion(JdbcDataSource ds) {
        return flyway(ds).load().info().current().getVersion().getVersion();
    }

    @Test
    void backupOfAnOlderSchemaIsLoadedThenMigratedUp() throws Exception {
        JdbcDataSource source = h2();
        flyway(source).target("4").load().migrate();
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user (username, display_name, password_hash, role, active, created_at)"
                    + " VALUES ('gammel', 'Gammel', 'x', 'admin', TRUE, CURRENT_TIMESTAMP)");
        }
        Path file = backup(source);
        JdbcDataSource target = h2();
        DatabaseRestore.Outcome o = new DatabaseRestore(flyway(target)).restore(file);
        assertEquals("4", o.schemaVersion());
        assertEquals("4", currentVersion(target), "restored at the backup's version first");
        flyway(target).load().migrate();
        assertEquals(currentVersion(filled()), currentVersion(target), "then the start migrates up");
        assertEquals(List.of("gammel|"), dump(target, "SELECT username FROM app_user"));
        assertEquals(List.of("32|"), dump(target, "SELECT COUNT(*) FROM data_version"), "V5 ran on the restored data");
    }

    @Test
    void nonEmptyDatabaseIsRefusedAndNotTouched() throws Exception {
        Path file = backup(filled());
        JdbcDataSource target = filled();
        List<String> before = dump(target, "SELECT * FROM app_user ORDER BY id");
        var e = assertThrows(DatabaseRestore.RestoreRefusedException.class,
                () -> new DatabaseRestore(flyway(target)).restore(file));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals(before, dump(target, "SELECT * FROM app_user ORDER BY id"));
    }

    @Test
    void truncatedFileIsRefusedAndTheDatabaseStaysEmpty() throws Exception {
        Path file = backup(filled());
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertRefused(cut, "truncated");
    }

    @Test
    void alteredTableIsRefusedAndTheDatabaseStaysEmpty() throws Exception {
        Path file = backup(filled());
        Path altered = rezip(file, "tables/result.csv", csv -> csv.replace("\"2.5\"", "\"25\""));
        String msg = assertRefused(altered, "altered");
        assertTrue(msg.contains("result"), msg);
    }

    @Test
    void droppedRowIsRefused() throws Exception {
        Path file = backup(filled());
        Path altered = rezip(file, "tables/app_user.csv", csv -> csv.substring(0, csv.indexOf("\"ola\"")));
        assertRefused(altered, "a row removed");
    }

    @Test
    void foreignZipIsRefused() throws Exception {
        Path foreign = dir.resolve("foreign.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(foreign))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hei".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(assertRefused(foreign, "foreign").contains("not a Jobbmål backup"));
        Path text = dir.resolve("not-a-zip.zip");
        Files.writeString(text, "hello");
        assertRefused(text, "not a zip");
        assertRefused(dir.resolve("missing.zip"), "missing");
    }

    @Test
    void newerSchemaIsRefused() throws Exception {
        Path file = backup(filled());
        Path newer = rezip(file, Manifest.ENTRY, json -> json.replaceFirst("\"schemaVersion\" : \"[0-9.]+\"",
                "\"schemaVersion\" : \"999\""));
        assertTrue(assertRefused(newer, "newer schema").contains("999"));
    }

    String assertRefused(Path file, String what) throws SQLException {
        JdbcDataSource target = h2();
        var e = assertThrows(DatabaseRestore.RestoreRefusedException.class,
                () -> new DatabaseRestore(flyway(target)).restore(file), what);
        assertEquals(0, tables(target), what + ": the database is left empty");
        return e.getMessage();
    }

    interface Edit {
        String apply(String text);
    }

    /** A copy of the zip with one entry's text changed (a valid zip: only the content is altered). */
    Path rezip(Path file, String entry, Edit edit) throws IOException {
        Path out = dir.resolve("edited-" + UUID.randomUUID() + ".zip");
        try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                if (e.getName().equals(entry)) {
                    String changed = edit.apply(new String(bytes, StandardCharsets.UTF_8));
                    assertTrue(!changed.equals(new String(bytes, StandardCharsets.UTF_8)), "the edit changed " + entry);
                    bytes = changed.getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
            }
        }
        return out;
    }

    @Test
    void h2SnapshotIsolationSeesNoCommitMadeAfterItStarted() throws Exception {
        JdbcDataSource ds = filled();
        try (Connection reader = ds.getConnection(); Connection writer = ds.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement()) {
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
            assertEquals(List.of("2|"), query(reader, "SELECT COUNT(*) FROM app_user"));
            try (Statement w = writer.createStatement()) {
                w.execute("INSERT INTO login_attempt (username, attempted_at, success) VALUES ('x', CURRENT_TIMESTAMP, TRUE)");
                w.execute("UPDATE data_version SET version_number = 99 WHERE slot = 0");
            }
            assertEquals(List.of("0|"), query(reader, "SELECT COUNT(*) FROM login_attempt"),
                    "a table first read after another transaction's commit shows the data as it was at the start");
            assertEquals(List.of("0|"), query(reader, "SELECT version_number FROM data_version WHERE slot = 0"));
            reader.rollback();
        }
    }

    static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|");
            }
        }
        return rows;
    }

    @Test
    void csvKeepsNullApartFromEmptyText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var p = new org.apache.commons.csv.CSVPrinter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), SnapshotWriter.CSV)) {
            p.printRecord("a", "", null, "x\"y\r\nz");
        }
        String csv = out.toString(StandardCharsets.UTF_8);
        assertEquals("\"a\",\"\",,\"x\"\"y\r\nz\"\r\n", csv);
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv, SnapshotWriter.CSV)) {
            String[] row = parser.getRecords().get(0).values();
            assertEquals("a", row[0]);
            assertEquals("", row[1]);
            assertNull(row[2]);
            assertEquals("x\"y\r\nz", row[3]);
        }
    }
}
