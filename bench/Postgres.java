import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL side of bench/run.sh's export step. Usage, with the PostgreSQL JDBC driver on the class path
 * ({@code java -cp postgresql.jar bench/Postgres.java ...}), user and password from PGUSER / PGPASSWORD
 * (default jobbmal / jobbmal):
 * <ul>
 * <li>{@code prepare URL}: creates the database of the JDBC URL if it is missing (the user needs CREATEDB);
 * exits with 3 when no PostgreSQL answers there;</li>
 * <li>{@code grow URL SIZE}: copies the results already there (the demo data) with other dates and org.
 * numbers until there are SIZE, in one {@code INSERT ... SELECT} over {@code generate_series}, then ANALYZE.
 * Loading a million results through the app's demo loader, row by row, would take minutes.</li>
 * </ul>
 */
public class Postgres {

    /** Copies {@code ?} times each existing result, dated anew in 2022–2024, with org. numbers of its own. */
    static final String GROW = """
            INSERT INTO result (project_id, municipality_code, focus_area_code, result_date, result_year, kind, amount,
                                women, men, company_name, org_number, evidence, status, status_reason, registered_by,
                                registered_at, approved_by, approved_at, updated_by, updated_at, version)
            SELECT r.project_id, r.municipality_code, r.focus_area_code, x.d, EXTRACT(YEAR FROM x.d), r.kind, r.amount,
                   r.women, r.men, r.company_name,
                   CASE WHEN r.org_number IS NULL THEN NULL
                        ELSE CAST(800000000 + (r.id * 7919 + g * 104729) % 200000000 AS VARCHAR(9)) END,
                   r.evidence, r.status, r.status_reason, r.registered_by, x.t, r.approved_by,
                   CASE WHEN r.approved_at IS NULL THEN NULL ELSE x.t + INTERVAL '7 days' END,
                   r.updated_by, x.t, 0
            FROM result r
            CROSS JOIN generate_series(1, ?) g
            CROSS JOIN LATERAL (SELECT DATE '2022-01-01' + CAST((r.id * 37 + g * 101) % 1096 AS INTEGER) AS d) d0
            CROSS JOIN LATERAL (SELECT d0.d AS d,
                                       CAST(d0.d AS TIMESTAMP) AT TIME ZONE 'UTC' + (9 + (r.id + g) % 8) * INTERVAL '1 hour' AS t) x
            ORDER BY g, r.id
            LIMIT ?""";

    public static void main(String[] args) throws Exception {
        String user = System.getenv().getOrDefault("PGUSER", "jobbmal");
        String password = System.getenv().getOrDefault("PGPASSWORD", "jobbmal");
        if (args.length == 2 && args[0].equals("prepare")) {
            prepare(args[1], user, password);
        } else if (args.length == 3 && args[0].equals("grow")) {
            grow(args[1], Long.parseLong(args[2]), user, password);
        } else {
            System.err.println("usage: java -cp postgresql.jar bench/Postgres.java prepare URL | grow URL SIZE");
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
            if ("08001".equals(e.getSQLState()) || "08006".equals(e.getSQLState())) {
                System.err.println("bench: no PostgreSQL at " + server + ": " + e.getMessage());
                System.exit(3);
            }
            throw e;
        }
    }

    static void grow(String url, long size, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            long have;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM result")) {
                rs.next();
                have = rs.getLong(1);
            }
            if (have == 0) {
                throw new IllegalStateException("no results to copy: load the demo data first");
            }
            if (size > have) {
                try (PreparedStatement ps = c.prepareStatement(GROW)) {
                    ps.setLong(1, (size - have + have - 1) / have);
                    ps.setLong(2, size - have);
                    ps.executeUpdate();
                }
            }
            st.execute("VACUUM ANALYZE result");
        }
    }
}
