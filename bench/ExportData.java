import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The databases of bench/run.sh's export step. Usage, with the JDBC driver on the class path
 * ({@code java -cp driver.jar bench/ExportData.java ...}), user and password from BENCH_DB_USER / BENCH_DB_PASSWORD
 * (default jobbmal / jobbmal):
 * <ul>
 * <li>{@code prepare URL} (PostgreSQL): creates the database of the JDBC URL if it is missing (the user needs
 * CREATEDB); exits with 3 when no PostgreSQL answers there;</li>
 * <li>{@code grow URL SIZE} (H2 or PostgreSQL, the app stopped): adds copies of the results already there (the demo
 * data) until there are SIZE, dated from 2022-01-01 to 2024-12-31 in the order they are inserted, as results are
 * registered in a real database (the demo loader writes its results in random date order, which no database that
 * grew by registrations has), each with an org. number of its own where it had one. On PostgreSQL then ANALYZE.</li>
 * </ul>
 */
public class ExportData {

    static final LocalDate FIRST = LocalDate.of(2022, 1, 1);
    static final int DAYS = 1096; // 2022-01-01 to 2024-12-31
    static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        String user = System.getenv().getOrDefault("BENCH_DB_USER", "jobbmal");
        String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "jobbmal");
        if (args.length == 2 && args[0].equals("prepare")) {
            prepare(args[1], user, password);
        } else if (args.length == 3 && args[0].equals("grow")) {
            grow(args[1], Long.parseLong(args[2]), user, password);
        } else {
            System.err.println("usage: java -cp driver.jar bench/ExportData.java prepare URL | grow URL SIZE");
            System.exit(2);
        }
    }

    static void prepare(String url, String user, String password) throws SQLException {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String database = url.substring(slash + 1, query < 0 ? url.length() : query);
        String server = url.substring(0, slash + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(server, user, password)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
            }
            System.out.println("bench: created database " + database);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                System.err.println("bench: no PostgreSQL at " + server + ": " + e.getMessage());
                System.exit(3);
            }
            throw e;
        }
    }

    /** A demo result to copy. */
    record Template(long project, String municipality, long focusArea, String kind, BigDecimal amount,
            BigDecimal women, BigDecimal men, String company, boolean hasOrg, String evidence, String status,
            String reason, long registeredBy, Long approvedBy, Long updatedBy, long programme) {
    }

    static void grow(String url, long size, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        boolean postgresql = url.startsWith("jdbc:postgresql:");
        if (postgresql) {
            props.setProperty("reWriteBatchedInserts", "true");
        }
        try (Connection c = DriverManager.getConnection(url, props)) {
            List<Template> demo = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT project_id, municipality_code, focus_area_id, kind, amount, women, men, company_name,
                           org_number, evidence, status, status_reason, registered_by, approved_by, updated_by,
                           programme_id
                    FROM result ORDER BY id""")) {
                while (rs.next()) {
                    demo.add(new Template(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8),
                            rs.getString(9) != null, rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getLong(13), rs.getObject(14, Long.class), rs.getObject(15, Long.class),
                            rs.getLong(16)));
                }
            }
            if (demo.isEmpty()) {
                throw new IllegalStateException("no results to copy: load the demo data first");
            }
            long copies = size - demo.size();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO result (project_id, municipality_code, focus_area_id, result_date, result_year, kind,
                                        amount, women, men, company_name, org_number, evidence, status, status_reason,
                                        registered_by, registered_at, approved_by, approved_at, updated_by, updated_at,
                                        programme_id, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
                for (long k = 0; k < copies; k++) {
                    Template t = demo.get((int) Math.floorMod(k * 2_654_435_761L, demo.size()));
                    LocalDate date = FIRST.plusDays(k * DAYS / copies);
                    LocalDateTime registered = date.atTime(9 + (int) (k % 8), 0);
                    LocalDateTime approved = t.approvedBy() == null ? null : registered.plusDays(7);
                    int i = 1;
                    ps.setLong(i++, t.project());
                    ps.setString(i++, t.municipality());
                    ps.setLong(i++, t.focusArea());
                    ps.setObject(i++, date);
                    ps.setInt(i++, date.getYear());
                    ps.setString(i++, t.kind());
                    ps.setBigDecimal(i++, t.amount());
                    ps.setBigDecimal(i++, t.women());
                    ps.setBigDecimal(i++, t.men());
                    ps.setString(i++, t.company());
                    ps.setString(i++, t.hasOrg() ? String.valueOf(800_000_000L
                            + Math.floorMod(k * 7_919L + 104_729L * (k / 1000), 200_000_000L)) : null);
                    ps.setString(i++, t.evidence());
                    ps.setString(i++, t.status());
                    ps.setString(i++, t.reason());
                    ps.setLong(i++, t.registeredBy());
                    ps.setObject(i++, registered.atOffset(ZoneOffset.UTC));
                    setLong(ps, i++, t.approvedBy());
                    ps.setObject(i++, approved == null ? null : approved.atOffset(ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    setLong(ps, i++, t.updatedBy());
                    ps.setObject(i++, (approved == null ? registered : approved).atOffset(ZoneOffset.UTC));
                    ps.setLong(i++, t.programme());
                    ps.addBatch();
                    if ((k + 1) % BATCH == 0) {
                        ps.executeBatch();
                    }
                    if ((k + 1) % (100 * BATCH) == 0) {
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
            if (postgresql) {
                try (Statement st = c.createStatement()) {
                    st.execute("VACUUM ANALYZE result");
                }
            }
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }
}
