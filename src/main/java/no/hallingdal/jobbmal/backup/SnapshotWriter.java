package no.hallingdal.jobbmal.backup;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.flywaydb.core.api.MigrationVersion;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup zip from one consistent view of the database: a read-only REPEATABLE READ transaction on
 * PostgreSQL (one snapshot for all its statements) and a SNAPSHOT transaction on H2 (the same). Neither
 * blocks writers, so the app keeps serving while it runs. One CSV file per table (RFC 4180, a header row of
 * column names, every non-null value quoted and SQL NULL as an unquoted empty field), then the manifest.
 */
final class SnapshotWriter {

    /** Quoting every non-null value keeps NULL (unquoted, empty) apart from the empty text {@code ""}. */
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).get();

    private SnapshotWriter() {
    }

    static Manifest write(Connection c, OutputStream out, String appVersion, Instant now) throws SQLException, IOException {
        Catalogue probe = new Catalogue(c);
        boolean postgres = probe.isPostgres();
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        try {
            if (postgres) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION READ ONLY");
                }
            } else {
                try (Statement s = c.createStatement()) {
                    s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
                }
            }
            Catalogue cat = new Catalogue(c);
            String version = schemaVersion(cat);
            List<Manifest.Table> tables = new ArrayList<>();
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (String table : cat.dataTables()) {
                String file = "tables/" + table + ".csv";
                zip.putNextEntry(new ZipEntry(file));
                tables.add(writeTable(cat, table, file, zip));
                zip.closeEntry();
            }
            Manifest m = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, version, appVersion, now.toString(),
                    cat.productName(), tables);
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write(m.toJson());
            zip.closeEntry();
            zip.finish();
            c.rollback();
            return m;
        } finally {
            if (!c.isClosed()) {
                c.rollback();
                if (!postgres) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
                    }
                }
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** The highest successfully applied Flyway version, read in the same snapshot as the data. */
    static String schemaVersion(Catalogue cat) throws SQLException {
        if (!cat.has(Catalogue.FLYWAY_HISTORY)) {
            throw new IllegalStateException("the database has no Flyway history table");
        }
        MigrationVersion max = null;
        try (Statement s = cat.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT " + cat.quoteName(column(cat, "version")) + ", "
                        + cat.quoteName(column(cat, "success")) + " FROM " + cat.quoted(Catalogue.FLYWAY_HISTORY))) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null && rs.getBoolean(2)) {
                    MigrationVersion mv = MigrationVersion.fromVersion(v);
                    if (max == null || mv.compareTo(max) > 0) {
                        max = mv;
                    }
                }
            }
        }
        if (max == null) {
            throw new IllegalStateException("no migration has been applied");
        }
        return max.getVersion();
    }

    private static String column(Catalogue cat, String name) throws SQLException {
        String spelt = cat.columns(Catalogue.FLYWAY_HISTORY).get(name);
        if (spelt == null) {
            throw new IllegalStateException("Flyway's history table has no column " + name);
        }
        return spelt;
    }

    private static Manifest.Table writeTable(Catalogue cat, String table, String file, OutputStream zip)
            throws SQLException, IOException {
        Map<String, String> columns = cat.columns(table);
        List<String> order = cat.primaryKey(table);
        if (order.isEmpty()) {
            order = new ArrayList<>(columns.values());
        }
        String sql = select(cat, table, columns.values(), order);
        Writer w = new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSV);
        csv.printRecord(columns.keySet());
        TableChecksum sum = new TableChecksum();
        try (Statement s = cat.connection().createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                RowValues.Kind[] kinds = new RowValues.Kind[n];
                for (int i = 0; i < n; i++) {
                    kinds[i] = RowValues.kind(md, i + 1);
                }
                String[] row = new String[n];
                while (rs.next()) {
                    for (int i = 0; i < n; i++) {
                        row[i] = RowValues.read(rs, i + 1, kinds[i]);
                    }
                    csv.printRecord((Object[]) row);
                    sum.add(row);
                }
            }
        }
        csv.flush();
        return new Manifest.Table(table, file, List.copyOf(columns.keySet()), sum.rows(), sum.value());
    }

    static String select(Catalogue cat, String table, Iterable<String> columns, List<String> orderBy) {
        List<String> cols = new ArrayList<>();
        columns.forEach(c -> cols.add(cat.quoteName(c)));
        List<String> order = orderBy.stream().map(cat::quoteName).toList();
        return "SELECT " + String.join(", ", cols) + " FROM " + cat.quoted(table)
                + (order.isEmpty() ? "" : " ORDER BY " + String.join(", ", order));
    }

    /** The zip stream stays open when a table's writer is done with it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
