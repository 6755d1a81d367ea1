import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Compacts a closed H2 database file with {@code SHUTDOWN COMPACT} (bench/run.sh, after each fill). Usage:
 * {@code java -cp h2.jar bench/Compact.java /path/to/data/jobbmal}.
 * <p>
 * The demo data is written in one transaction (so that two instances starting together load it once),
 * and H2 cannot reclaim pages during a transaction: a million results leave a 7.5 GB file of which
 * 0.3 GB is live, which H2 then compacts in the background for minutes, on the second core, while the
 * benchmark runs. A database that grew through ordinary registrations is compacted as it goes; this
 * gives the benchmark that database. The app must be stopped (H2 allows one process per file).
 */
public class Compact {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + ";AUTO_SERVER=FALSE";
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
