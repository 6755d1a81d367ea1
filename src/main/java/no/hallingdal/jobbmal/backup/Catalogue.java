package no.hallingdal.jobbmal.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The application's tables as the database's own catalogue lists them (JDBC {@link DatabaseMetaData}), so a
 * table added by a later migration is backed up and restored without a change here. Only Flyway's history
 * table is left out: a backup records the schema version in its manifest instead, and restore lets Flyway
 * write its own history by migrating to that version. Names are kept as the database spells them (H2 upper
 * case, PostgreSQL lower case) for queries, and compared in lower case.
 */
final class Catalogue {

    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private final Connection connection;
    private final DatabaseMetaData meta;
    private final String schema;
    private final String quote;
    /** Lower-case name → name as the database spells it, in a stable order. */
    private final Map<String, String> tables = new TreeMap<>();

    Catalogue(Connection connection) throws SQLException {
        this.connection = connection;
        this.meta = connection.getMetaData();
        this.schema = connection.getSchema();
        String q = meta.getIdentifierQuoteString();
        this.quote = q == null || q.isBlank() ? "\"" : q.strip();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                tables.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
    }

    boolean isPostgres() throws SQLException {
        return meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    String productName() throws SQLException {
        return meta.getDatabaseProductName();
    }

    /** Every table, Flyway's history included (an empty database has none). */
    Set<String> allTables() {
        return tables.keySet();
    }

    /** The tables a backup holds: all but Flyway's history, lower case, sorted. */
    List<String> dataTables() {
        return tables.keySet().stream().filter(t -> !t.equals(FLYWAY_HISTORY)).toList();
    }

    boolean has(String table) {
        return tables.containsKey(table);
    }

    /** The table's name quoted as the database spells it. */
    String quoted(String table) {
        String name = tables.get(table);
        if (name == null) {
            throw new IllegalArgumentException("no table " + table);
        }
        return quoteName(name);
    }

    String quoteName(String name) {
        return quote + name.replace(quote, quote + quote) + quote;
    }

    /** Lower-case column name → name as spelt, in the table's column order. */
    Map<String, String> columns(String table) throws SQLException {
        Map<String, String> cols = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(null, schema, tables.get(table), "%")) {
            TreeMap<Integer, String> byPosition = new TreeMap<>();
            while (rs.next()) {
                byPosition.put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
            }
            byPosition.values().forEach(c -> cols.put(c.toLowerCase(Locale.ROOT), c));
        }
        return cols;
    }

    /** The primary key's columns as spelt (empty when the table has none): the order rows are written in. */
    List<String> primaryKey(String table) throws SQLException {
        TreeMap<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, tables.get(table))) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(key.values());
    }

    /** Columns filled by an identity (auto-increment) generator, as spelt. */
    List<String> identityColumns(String table) throws SQLException {
        List<String> identity = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, tables.get(table), "%")) {
            while (rs.next()) {
                if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                    identity.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        return identity;
    }

    /**
     * The data tables ordered so that every table comes after the tables its foreign keys point to (the order
     * to insert in; the reverse is the order to delete in). A cycle of foreign keys cannot be loaded row by
     * row and is refused.
     */
    List<String> loadOrder() throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String t : dataTables()) {
            Set<String> p = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, tables.get(t))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(t) && tables.containsKey(parent)) {
                        p.add(parent);
                    }
                }
            }
            parents.put(t, p);
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (order.size() < parents.size()) {
            boolean progress = false;
            for (var e : parents.entrySet()) {
                if (!done.contains(e.getKey()) && done.containsAll(e.getValue())) {
                    order.add(e.getKey());
                    done.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle between tables: "
                        + parents.keySet().stream().filter(t -> !done.contains(t)).toList());
            }
        }
        return order;
    }

    Connection connection() {
        return connection;
    }
}
