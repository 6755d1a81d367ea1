package no.hallingdal.jobbmal.support;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A database at the wave-1 schema (Flyway target 5), filled with a programme's worth of data through SQL, made
 * before the application starts; the application then migrates it. The figures the wave-1 schema gives are recorded
 * by SQL on that schema ({@link #figures}) and handed to the test's field {@code waveOne} (a {@code Map<String,
 * String>}). On H2 a file database under {@code target/wave-one}; on PostgreSQL ({@code -Ppostgresql}) the schema
 * {@code wave_one} in the test database ({@code jobbmal-test.jdbc-url}), made afresh.
 */
public class WaveOneDatabase implements QuarkusTestResourceLifecycleManager {

    /** The password of every wave-1 user made here. */
    public static final String PASSWORD = "bolge-en-passord-1";
    static final String SCHEMA = "wave_one";

    private Map<String, String> figures;
    static final String CLEAN_AT_START = "quarkus.flyway.clean-at-start";
    /** The run's own clean-at-start setting, put back when this database is done with. */
    private String cleanAtStart;

    @Override
    public Map<String, String> start() {
        String user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "jobbmal");
        String password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "jobbmal");
        Map<String, String> config = new HashMap<>();
        String url;
        Flyway flyway;
        if (TestDatabase.postgresql()) {
            String base = System.getProperty("jobbmal-test.jdbc-url");
            try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                s.execute("CREATE SCHEMA " + SCHEMA);
            } catch (SQLException e) {
                throw new IllegalStateException("the wave-1 schema could not be made in " + base, e);
            }
            url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
            config.put("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", SCHEMA);
            config.put("quarkus.flyway.schemas", SCHEMA);
            // the PostgreSQL run cleans the database at each start (a system property of the postgresql profile, which
            // outranks a test resource's config): this one must be migrated, not cleaned; stop() puts it back
            config.put("quarkus.flyway.clean-at-start", "false");
            cleanAtStart = System.getProperty(CLEAN_AT_START);
            System.setProperty(CLEAN_AT_START, "false");
            flyway = Flyway.configure(getClass().getClassLoader()).dataSource(base, user, password).schemas(SCHEMA)
                    .locations("classpath:db/migration").target("5").load();
        } else {
            Path dir = Path.of("target", "wave-one").toAbsolutePath();
            delete(dir);
            url = "jdbc:h2:file:" + dir.resolve("jobbmal");
            config.put("quarkus.datasource.jdbc.url", url);
            flyway = Flyway.configure(getClass().getClassLoader()).dataSource(url, user, password)
                    .locations("classpath:db/migration").target("5").load();
        }
        flyway.migrate();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            fill(c);
            figures = figures(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the wave-1 database could not be filled: " + e.getMessage(), e);
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(Map.copyOf(figures), f -> f.getName().equals("waveOne"));
    }

    @Override
    public void stop() {
        if (cleanAtStart != null) {
            System.setProperty(CLEAN_AT_START, cleanAtStart);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SQL: the id of a user of this data set. */
    static String user(String username) {
        return "(SELECT id FROM app_user WHERE username = '" + username + "')";
    }

    /** SQL: the id of a project of this data set. */
    static String project(String name) {
        return "(SELECT id FROM project WHERE name = '" + name + "')";
    }

    /**
     * The data set, as wave 1 kept it: the programme's targets as an admin set them, users of every role (one
     * inactive), three projects with their leads and municipalities, results of every kind and status (one with a
     * focus area other than its project's, two dated after the programme's period), their history, and a locked year.
     */
    static void fill(Connection c) throws SQLException {
        String hash = BcryptUtil.bcryptHash(PASSWORD);
        try (Statement s = c.createStatement()) {
            // the programme as the admin left it: a new annual target for 2024 and two focus-area targets
            s.execute("UPDATE annual_target SET target = 70 WHERE programme_id = 1 AND target_year = 2024");
            s.execute("UPDATE programme SET version = 3 WHERE id = 1");
            s.execute("INSERT INTO focus_area_target (programme_id, focus_area_code, target) VALUES (1, 'baerekraft', 50)");
            s.execute("INSERT INTO focus_area_target (programme_id, focus_area_code, target) VALUES (1, "
                    + "'kompetanse-rekruttering', 40)");

            String[][] users = {
                    {"ola.admin", "Ola Nordmann", "admin", "TRUE"},
                    {"kari.lead", "Kari Prosjektleder", "lead", "TRUE"},
                    {"per.lead", "Per Prosjektleder", "lead", "TRUE"},
                    {"styre.leder", "Styreleder Hansen", "board", "TRUE"},
                    {"fylket", "Buskerud fylkeskommune", "county", "TRUE"},
                    {"gammel.styre", "Tidligere styremedlem", "board", "FALSE"}};
            for (String[] u : users) {
                s.execute("INSERT INTO app_user (username, display_name, email, password_hash, role, active, created_at, "
                        + "version) VALUES ('" + u[0] + "', '" + u[1] + "', '" + u[0] + "@example.org', '" + hash + "', '"
                        + u[2] + "', " + u[3] + ", TIMESTAMP WITH TIME ZONE '2022-01-10 09:00:00+01:00', 0)");
            }

            String[][] projects = {
                    {"Kompetansebyen Gol", "kompetanse-rekruttering", "2022-03-01", "2024-12-31", "25.0", "3324,3328",
                            "kari.lead"},
                    {"Grønn industri Hallingdal", "baerekraft", "2022-01-15", null, "40.0", "3320,3322", "kari.lead"},
                    {"Reiseliv Hemsedal og Hol", "attraktivitet-naeringsliv", "2022-05-01", "2025-06-30", "30.0",
                            "3326,3330", "per.lead"}};
            for (String[] p : projects) {
                s.execute("INSERT INTO project (name, description, focus_area_code, project_owner, phase, status, "
                        + "start_date, end_date, expected_new_jobs, granted_funds, created_at, updated_at, version) VALUES ('"
                        + p[0] + "', 'Et prosjekt i Sats på Hallingdal', '" + p[1] + "', 'Regionrådet for Hallingdal', "
                        + "'hovedprosjekt', 'active', DATE '" + p[2] + "', " + (p[3] == null ? "NULL" : "DATE '" + p[3] + "'")
                        + ", " + p[4] + ", 1500000, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
                for (String m : p[5].split(",")) {
                    s.execute("INSERT INTO project_municipality (project_id, municipality_code) VALUES (" + project(p[0])
                            + ", '" + m + "')");
                }
                s.execute("INSERT INTO project_lead (project_id, user_id) VALUES (" + project(p[0]) + ", " + user(p[6])
                        + ")");
            }

            // project, municipality, focus area, date, kind, amount, women, men, company, org. number, status, reason
            String[][] results = {
                    {"Kompetansebyen Gol", "3324", "kompetanse-rekruttering", "2022-04-05", "NEW_JOBS", "6.0", "3.0",
                            "3.0", "Gol Verksted AS", "987654325", "APPROVED", null},
                    {"Kompetansebyen Gol", "3328", "kompetanse-rekruttering", "2022-09-20", "NEW_JOBS", "2.5", null, null,
                            null, null, "APPROVED", null},
                    {"Grønn industri Hallingdal", "3320", "baerekraft", "2022-11-11", "NEW_JOBS", "12.0", "5.0", "7.0",
                            "Flå Tre AS", "993112232", "APPROVED", null},
                    {"Grønn industri Hallingdal", "3322", "innovasjon", "2023-02-14", "NEW_JOBS", "4.5", null, null,
                            "Nesbyen Energi AS", "876543214", "APPROVED", null},
                    {"Reiseliv Hemsedal og Hol", "3326", "attraktivitet-naeringsliv", "2023-06-30", "NEW_JOBS", "8.0",
                            "4.5", "3.5", null, null, "APPROVED", null},
                    {"Reiseliv Hemsedal og Hol", "3330", "attraktivitet-naeringsliv", "2023-12-31", "NEW_JOBS", "1.5",
                            null, null, null, null, "PENDING", null},
                    {"Kompetansebyen Gol", "3324", "kompetanse-rekruttering", "2024-01-01", "NEW_JOBS", "3.0", null, null,
                            null, null, "APPROVED", null},
                    {"Grønn industri Hallingdal", "3320", "baerekraft", "2024-12-31", "NEW_JOBS", "7.5", null, null,
                            null, null, "APPROVED", null},
                    {"Reiseliv Hemsedal og Hol", "3326", "attraktivitet-naeringsliv", "2024-05-05", "NEW_JOBS", "2.0",
                            null, null, null, null, "PENDING", null},
                    {"Kompetansebyen Gol", "3328", "kompetanse-rekruttering", "2023-03-03", "NEW_JOBS", "20.0", null,
                            null, null, null, "RETURNED", "Mangler bekreftelse fra bedriften"},
                    {"Grønn industri Hallingdal", "3322", "baerekraft", "2023-04-04", "NEW_JOBS", "15.0", null, null, null,
                            null, "WITHDRAWN", "Registrert to ganger"},
                    {"Grønn industri Hallingdal", "3320", "baerekraft", "2022-06-01", "SECURED_JOBS", "9.0", null, null,
                            "Flå Tre AS", "993112232", "APPROVED", null},
                    {"Reiseliv Hemsedal og Hol", "3330", "attraktivitet-naeringsliv", "2023-08-08", "SECURED_JOBS", "4.0",
                            null, null, null, null, "PENDING", null},
                    {"Kompetansebyen Gol", "3324", "innovasjon", "2023-10-10", "NEW_COMPANY", "1.0", null, null,
                            "Gol Gründerhus AS", "123456785", "APPROVED", null},
                    {"Reiseliv Hemsedal og Hol", "3326", "attraktivitet-naeringsliv", "2024-02-02", "NEW_COMPANY", "2.0",
                            null, null, "Hemsedal Opplevelser AS", "964951462", "APPROVED", null},
                    {"Kompetansebyen Gol", "3324", "kompetanse-rekruttering", "2024-07-07", "NEW_COMPANY", "1.0", null,
                            null, "Gol Data AS", "923456783", "PENDING", null},
                    // after the programme's period (wave 1 counted them; now they are outside every period)
                    {"Grønn industri Hallingdal", "3322", "baerekraft", "2025-02-10", "NEW_JOBS", "5.0", null, null,
                            null, null, "APPROVED", null},
                    {"Grønn industri Hallingdal", "3320", "baerekraft", "2025-03-01", "NEW_JOBS", "1.0", null, null,
                            null, null, "PENDING", null}};
            int n = 0;
            for (String[] r : results) {
                n++;
                boolean approved = "APPROVED".equals(r[10]);
                String registrar = r[0].startsWith("Reiseliv") ? "per.lead" : "kari.lead";
                s.execute("INSERT INTO result (project_id, municipality_code, focus_area_code, result_date, result_year, "
                        + "kind, amount, women, men, company_name, org_number, evidence, status, status_reason, "
                        + "registered_by, registered_at, approved_by, approved_at, updated_by, updated_at, version) VALUES ("
                        + project(r[0]) + ", '" + r[1] + "', '" + r[2] + "', DATE '" + r[3] + "', " + r[3].substring(0, 4)
                        + ", '" + r[4] + "', " + r[5] + ", " + r[6] + ", " + r[7] + ", " + text(r[8]) + ", " + text(r[9])
                        + ", 'Bekreftelse nr. " + n + " fra bedriften', '" + r[10] + "', " + text(r[11]) + ", "
                        + user(registrar) + ", TIMESTAMP WITH TIME ZONE '" + r[3] + " 12:00:00+01:00', "
                        + (approved ? user("ola.admin") : "NULL") + ", "
                        + (approved ? "TIMESTAMP WITH TIME ZONE '" + r[3] + " 15:00:00+01:00'" : "NULL") + ", "
                        + user(r[11] == null ? registrar : "ola.admin") + ", CURRENT_TIMESTAMP, 0)");
                String result = "(SELECT id FROM result WHERE evidence = 'Bekreftelse nr. " + n + " fra bedriften')";
                history(s, "result", result, "created", registrar, null, null, null, null);
                if (approved) {
                    history(s, "result", result, "approved", "ola.admin", null, "status", "PENDING", "APPROVED");
                } else if (r[11] != null) {
                    history(s, "result", result, "RETURNED".equals(r[10]) ? "returned" : "withdrawn", "ola.admin", r[11],
                            "status", "PENDING", r[10]);
                }
            }
            history(s, "annual_target", "1", "updated", "ola.admin", null, "target_2024", "67", "70");

            // 2022 reviewed by the board and locked; 2023 locked and opened again
            s.execute("INSERT INTO year_lock (lock_year, locked, locked_by, locked_at) VALUES (2022, TRUE, "
                    + user("ola.admin") + ", TIMESTAMP WITH TIME ZONE '2023-03-01 10:00:00+01:00')");
            s.execute("INSERT INTO year_lock (lock_year, locked, locked_by, locked_at) VALUES (2023, FALSE, "
                    + user("ola.admin") + ", TIMESTAMP WITH TIME ZONE '2024-03-01 10:00:00+01:00')");
            history(s, "year_lock", "2022", "locked", "ola.admin", null, null, null, null);
            history(s, "year_lock", "2023", "locked", "ola.admin", null, null, null, null);
            history(s, "year_lock", "2023", "unlocked", "ola.admin", null, null, null, null);
        }
    }

    private static String text(String v) {
        return v == null ? "NULL" : "'" + v.replace("'", "''") + "'";
    }

    /** A history entry (and the field it changed, if any) by {@code by}. */
    private static void history(Statement s, String type, String id, String action, String by, String reason,
            String field, String oldValue, String newValue) throws SQLException {
        s.execute("INSERT INTO change_event (entity_type, entity_id, action, changed_by, changed_by_name, changed_at, "
                + "reason, source) VALUES ('" + type + "', " + id + ", '" + action + "', " + user(by)
                + ", (SELECT display_name FROM app_user WHERE username = '" + by + "'), CURRENT_TIMESTAMP, "
                + text(reason) + ", NULL)");
        if (field != null) {
            s.execute("INSERT INTO change_field (event_id, field_name, old_value, new_value) VALUES ("
                    + "(SELECT MAX(id) FROM change_event), '" + field + "', " + text(oldValue) + ", " + text(newValue) + ")");
        }
    }

    /**
     * The figures of the wave-1 schema, by SQL on its own columns (programme goal and dates, focus_area_code,
     * app_user.role, year_lock without a programme). Amounts with one decimal. Keys:
     * {@code goal, start, end}; {@code year.Y.target|counted|pending} for every year wave 1 showed (those of results
     * outside the period too); {@code counted, pending, secured, companies, women, men} over all results, as wave 1
     * counted; {@code outside.counted|pending} the new jobs dated outside the programme's period;
     * {@code municipality.C.counted|pending} and {@code focusArea.F.counted|pending|target} within the period;
     * {@code user.NAME} = role, active and the projects a lead leads; {@code lock.Y}; {@code history.*} counts;
     * {@code result.N.history} the entries of result number N (its evidence says "Bekreftelse nr. N").
     */
    static Map<String, String> figures(Connection c) throws SQLException {
        Map<String, String> f = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT goal, start_date, end_date FROM programme WHERE id = 1")) {
                r.next();
                f.put("goal", String.valueOf(r.getInt(1)));
                f.put("start", r.getDate(2).toLocalDate().toString());
                f.put("end", r.getDate(3).toLocalDate().toString());
            }
            String counted = "SUM(CASE WHEN r.kind = 'NEW_JOBS' AND r.status = 'APPROVED' THEN r.amount ELSE 0 END)";
            String pending = "SUM(CASE WHEN r.kind = 'NEW_JOBS' AND r.status = 'PENDING' THEN r.amount ELSE 0 END)";
            String inPeriod = "r.result_date BETWEEN (SELECT start_date FROM programme WHERE id = 1)"
                    + " AND (SELECT end_date FROM programme WHERE id = 1)";
            try (ResultSet r = s.executeQuery("SELECT target_year, target FROM annual_target WHERE programme_id = 1")) {
                while (r.next()) {
                    f.put("year." + r.getInt(1) + ".target", String.valueOf(r.getInt(2)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT r.result_year, " + counted + ", " + pending
                    + " FROM result r GROUP BY r.result_year")) {
                while (r.next()) {
                    f.put("year." + r.getInt(1) + ".counted", one(r.getBigDecimal(2)));
                    f.put("year." + r.getInt(1) + ".pending", one(r.getBigDecimal(3)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT " + counted + ", " + pending
                    + ", SUM(CASE WHEN r.kind = 'SECURED_JOBS' AND r.status = 'APPROVED' THEN r.amount ELSE 0 END)"
                    + ", SUM(CASE WHEN r.kind = 'NEW_COMPANY' AND r.status = 'APPROVED' THEN r.amount ELSE 0 END)"
                    + ", SUM(CASE WHEN r.kind = 'NEW_JOBS' AND r.status = 'APPROVED' THEN r.women END)"
                    + ", SUM(CASE WHEN r.kind = 'NEW_JOBS' AND r.status = 'APPROVED' THEN r.men END) FROM result r")) {
                r.next();
                String[] keys = {"counted", "pending", "secured", "companies", "women", "men"};
                for (int i = 0; i < keys.length; i++) {
                    f.put(keys[i], one(r.getBigDecimal(i + 1)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT " + counted + ", " + pending + " FROM result r WHERE NOT ("
                    + inPeriod + ")")) {
                r.next();
                f.put("outside.counted", one(r.getBigDecimal(1)));
                f.put("outside.pending", one(r.getBigDecimal(2)));
            }
            try (ResultSet r = s.executeQuery("SELECT r.municipality_code, " + counted + ", " + pending
                    + " FROM result r WHERE " + inPeriod + " GROUP BY r.municipality_code")) {
                while (r.next()) {
                    f.put("municipality." + r.getString(1) + ".counted", one(r.getBigDecimal(2)));
                    f.put("municipality." + r.getString(1) + ".pending", one(r.getBigDecimal(3)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT r.focus_area_code, " + counted + ", " + pending
                    + " FROM result r WHERE " + inPeriod + " GROUP BY r.focus_area_code")) {
                while (r.next()) {
                    f.put("focusArea." + r.getString(1) + ".counted", one(r.getBigDecimal(2)));
                    f.put("focusArea." + r.getString(1) + ".pending", one(r.getBigDecimal(3)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT focus_area_code, target FROM focus_area_target")) {
                while (r.next()) {
                    f.put("focusArea." + r.getString(1) + ".target", String.valueOf(r.getInt(2)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT u.username, u.role, u.active, (SELECT COUNT(*) FROM project_lead l"
                    + " WHERE l.user_id = u.id) FROM app_user u")) {
                while (r.next()) {
                    f.put("user." + r.getString(1), r.getString(2) + "|" + r.getBoolean(3) + "|" + r.getInt(4));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT u.username, p.name FROM project_lead l JOIN app_user u ON u.id ="
                    + " l.user_id JOIN project p ON p.id = l.project_id ORDER BY u.username, p.name")) {
                while (r.next()) {
                    f.merge("leads." + r.getString(1), r.getString(2), (a, b) -> a + "|" + b);
                }
            }
            try (ResultSet r = s.executeQuery("SELECT lock_year, locked FROM year_lock")) {
                while (r.next()) {
                    f.put("lock." + r.getInt(1), String.valueOf(r.getBoolean(2)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM change_event), (SELECT COUNT(*) FROM "
                    + "change_field), (SELECT COUNT(*) FROM result), (SELECT COUNT(*) FROM project)")) {
                r.next();
                f.put("history.events", String.valueOf(r.getInt(1)));
                f.put("history.fields", String.valueOf(r.getInt(2)));
                f.put("results", String.valueOf(r.getInt(3)));
                f.put("projects", String.valueOf(r.getInt(4)));
            }
            try (ResultSet r = s.executeQuery("SELECT r.evidence, r.id, (SELECT COUNT(*) FROM change_event e WHERE"
                    + " e.entity_type = 'result' AND e.entity_id = r.id) FROM result r")) {
                while (r.next()) {
                    String n = r.getString(1).replaceAll("\\D", "");
                    f.put("result." + n + ".id", String.valueOf(r.getLong(2)));
                    f.put("result." + n + ".history", String.valueOf(r.getInt(3)));
                }
            }
        }
        return f;
    }

    private static String one(BigDecimal v) {
        return v == null ? "null" : v.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
