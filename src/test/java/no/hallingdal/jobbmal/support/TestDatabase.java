package no.hallingdal.jobbmal.support;

import java.util.HashMap;
import java.util.Map;

/**
 * A database of its own for a test profile, on whichever database the suite runs against: on H2 (the
 * default) a separate in-memory database; on PostgreSQL ({@code ./mvnw test -Ppostgresql}, which sets
 * {@code quarkus.datasource.db-kind}) a separate schema in the same database, created by Flyway from the
 * same migrations and cleaned at each start.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("quarkus.datasource.db-kind"));
    }

    /** Config overrides that give the application the database (or schema) {@code name}. */
    public static Map<String, String> own(String name) {
        Map<String, String> overrides = new HashMap<>();
        if (postgresql()) {
            String schema = name.replace('-', '_');
            overrides.put("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", schema);
            overrides.put("quarkus.flyway.schemas", schema);
        } else {
            overrides.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
        return overrides;
    }

    /** {@link #own(String)} plus further overrides. */
    public static Map<String, String> own(String name, Map<String, String> more) {
        Map<String, String> overrides = own(name);
        overrides.putAll(more);
        return overrides;
    }
}
