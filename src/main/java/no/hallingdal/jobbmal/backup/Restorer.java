package no.hallingdal.jobbmal.backup;

import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a verified backup into a database whose schema Flyway has just brought to the backup's version:
 * empties the rows the migrations seeded, inserts every table's rows (parents before children), moves each
 * identity column's counter past the highest id loaded (so new rows get fresh ids), and reads every table
 * back to check its row count and checksum against the manifest.
 */
final class Restorer {

    private static final Logger LOG = Logger.getLogger(Restorer.class);
    private static final int BATCH = 500;
    /** Rows per commit: H2 cannot reuse file space during a transaction (a failed load is emptied anyway). */
    private static final int COMMIT = 20_000;

    private final Connection c;
    private final Catalogue cat;
    private final boolean postgres;

    Restorer(Connection c) throws SQLException {
        this.c = c;
        this.cat = new Catalogue(c);
        this.postgres = cat.isPostgres();
    }

    void load(BackupArchive archive) throws SQLException {
        Manifest m = archive.manifest();
        Map<String, Manifest.Table> byName = new HashMap<>();
        m.tables().forEach(t -> byName.put(t.name(), t));
        Set<String> here = new TreeSet<>(cat.dataTables());
        if (!here.equals(new TreeSet<>(byName.keySet()))) {
            Set<String> missing = new TreeSet<>(here);
            missing.removeAll(byName.keySet());
            Set<String> extra = new TreeSet<>(byName.keySet());
            extra.removeAll(here);
            throw new BackupFormatException("backup.error.tables", m.schemaVersion(), missing, extra);
        }
        for (Manifest.Table t : m.tables()) {
            Set<String> columns = new TreeSet<>(cat.columns(t.name()).keySet());
            if (!columns.equals(new TreeSet<>(t.columns()))) {
                throw new BackupFormatException("backup.error.columns", t.name());
            }
        }
        List<String> order = cat.loadOrder();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                s.executeUpdate("DELETE FROM " + cat.quoted(order.get(i)));
            }
        }
        for (String table : order) {
            insert(archive, byName.get(table));
            resetIdentities(table);
            c.commit();
        }
        for (String table : order) {
            verify(byName.get(table));
        }
        c.commit();
    }

    private void insert(BackupArchive archive, Manifest.Table t) throws SQLException {
        Map<String, String> spelt = cat.columns(t.name());
        List<String> cols = t.columns().stream().map(spelt::get).toList();
        RowValues.Kind[] kinds = new RowValues.Kind[cols.size()];
        int[] types = new int[cols.size()];
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SnapshotWriter.select(cat, t.name(), cols, List.of()) + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 0; i < cols.size(); i++) {
                kinds[i] = RowValues.kind(md, i + 1);
                types[i] = md.getColumnType(i + 1);
            }
        }
        String sql = "INSERT INTO " + cat.quoted(t.name()) + " ("
                + String.join(", ", cols.stream().map(cat::quoteName).toList()) + ") VALUES ("
                + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int[] pending = {0, 0};
            archive.forEachRow(t, row -> {
                for (int i = 0; i < row.length; i++) {
                    RowValues.bind(ps, i + 1, kinds[i], types[i], row[i], postgres);
                }
                ps.addBatch();
                if (++pending[0] == BATCH) {
                    ps.executeBatch();
                    pending[0] = 0;
                    if (++pending[1] * BATCH >= COMMIT) {
                        c.commit();
                        pending[1] = 0;
                    }
                }
            });
            if (pending[0] > 0) {
                ps.executeBatch();
            }
        }
        LOG.debugf("Restored %d rows into %s", t.rows(), t.name());
    }

    /** Identity columns continue after the highest value loaded (H2 and PostgreSQL alike). */
    private void resetIdentities(String table) throws SQLException {
        for (String column : cat.identityColumns(table)) {
            long next;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MAX(" + cat.quoteName(column) + ") FROM " + cat.quoted(table))) {
                rs.next();
                next = rs.getLong(1) + 1;
            }
            if (postgres) {
                try (PreparedStatement ps = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?, false)")) {
                    ps.setString(1, cat.quoted(table));
                    ps.setString(2, column);
                    ps.setLong(3, next);
                    ps.execute();
                }
            } else {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + cat.quoted(table) + " ALTER COLUMN " + cat.quoteName(column)
                            + " RESTART WITH " + next);
                }
            }
        }
    }

    /** Reads the table back as the backup would and compares it with the manifest. */
    private void verify(Manifest.Table t) throws SQLException {
        Map<String, String> spelt = cat.columns(t.name());
        List<String> cols = new ArrayList<>(t.columns().stream().map(spelt::get).toList());
        TableChecksum sum = new TableChecksum();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery(SnapshotWriter.select(cat, t.name(), cols, List.of()))) {
                ResultSetMetaData md = rs.getMetaData();
                int n = cols.size();
                RowValues.Kind[] kinds = new RowValues.Kind[n];
                for (int i = 0; i < n; i++) {
                    kinds[i] = RowValues.kind(md, i + 1);
                }
                String[] row = new String[n];
                while (rs.next()) {
                    for (int i = 0; i < n; i++) {
                        row[i] = RowValues.read(rs, i + 1, kinds[i]);
                    }
                    sum.add(row);
                }
            }
        }
        if (sum.rows() != t.rows() || !sum.value().equals(t.checksum())) {
            throw new BackupFormatException("backup.error.verify", t.name(), t.rows(), sum.rows());
        }
    }
}
