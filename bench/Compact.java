import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Compacts a closed H2 database file with {@code SHUTDOWN COMPACT} (bench/run.sh, after each fill). Usage:
 * {@code java -cp h2.jar bench/Compact.java data/jobbmal} (the database file without {@code .mv.db}).
 * <p>
 * The demo data is written in one transaction (so that two instances starting together load it once),
 * and H2 cannot reclaim pages during a transaction: a million results leave a 7.5 GB file of which
 * 0.3 GB is live, which H2 then compacts in the background for minutes, on the second core, while the
 * benchmark runs. A database that grew through ordinary registrations is compacted as it goes; this
 * gives the benchmark that database. The app must be stopped (H2 allows one process per file).
 */
public class Compact {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp h2.jar bench/Compact.java data/jobbmal");
            System.exit(2);
        }
        // H2 wants an explicit path, and would create an empty database where there is none
        java.nio.file.Path db = java.nio.file.Path.of(args[0]).toAbsolutePath().normalize();
        if (!java.nio.file.Files.exists(java.nio.file.Path.of(db + ".mv.db"))) {
            System.err.println("no H2 database at " + db + ".mv.db");
            System.exit(2);
        }
        String url = "jdbc:h2:file:" + db + ";AUTO_SERVER=FALSE";
        Connection c = DriverManager.getConnection(url, "jobbmal", "jobbmal");
        try (Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        try {
            c.close();
        } catch (SQLException closedByShutdown) {
            // SHUTDOWN closes every connection itself
        }
    }
}
