package no.hallingdal.jobbmal.backup;

import no.hallingdal.jobbmal.common.Messages;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Restores a backup into an empty database, in this order, so that a refused file leaves the database as
 * it was (empty): (1) open the zip and check every table against the manifest, and refuse a schema newer
 * than this build's migrations; (2) refuse a database that has any table; (3) migrate the schema to the
 * backup's version; (4) load and verify (on failure, Flyway's clean drops what steps 3-4 created). Migrating
 * up to the newest version is left to the normal start ({@code quarkus.flyway.migrate-at-start}).
 */
public final class DatabaseRestore {

    private static final Logger LOG = Logger.getLogger(DatabaseRestore.class);

    /** What a finished restore did, for the log. */
    public record Outcome(String schemaVersion, String latestVersion, int tables, long rows, Duration took) {
    }

    private final Configuration flyway;
    private final Messages messages = new Messages();

    /** {@code flyway}: the application's Flyway configuration (data source, locations). */
    public DatabaseRestore(Configuration flyway) {
        this.flyway = flyway;
    }

    /** Restores {@code file}; throws {@link RestoreRefusedException} with an operator's message when it cannot. */
    public Outcome restore(Path file) {
        Instant start = Instant.now();
        try (BackupArchive archive = BackupArchive.open(file)) {
            Manifest m = archive.manifest();
            MigrationVersion latest = latestKnown();
            MigrationVersion version;
            try {
                version = MigrationVersion.fromVersion(m.schemaVersion());
            } catch (RuntimeException e) {
                throw new BackupFormatException("backup.error.foreign");
            }
            if (version.compareTo(latest) > 0) {
                throw new BackupFormatException("backup.error.newerSchema", m.schemaVersion(), latest.getVersion());
            }
            archive.verify();
            requireEmpty();
            LOG.infof("Restore: %s is valid (schema version %s, %d tables, %d rows, taken %s by Jobbmål %s on %s)",
                    file, m.schemaVersion(), m.tables().size(), m.totalRows(), m.createdAt(), m.appVersion(), m.database());
            try {
                configure().target(version).load().migrate();
                DataSource ds = flyway.getDataSource();
                try (Connection c = ds.getConnection()) {
                    new Restorer(c).load(archive);
                }
            } catch (RuntimeException | SQLException e) {
                LOG.errorf(e, "Restore from %s failed; emptying the database again", file);
                configure().cleanDisabled(false).load().clean();
                if (e instanceof BackupFormatException b) {
                    throw refused(b);
                }
                throw new RestoreRefusedException(messages.get(Messages.EN, "backup.error.load", file, e.getMessage()), e);
            }
            return new Outcome(m.schemaVersion(), latest.getVersion(), m.tables().size(), m.totalRows(),
                    Duration.between(start, Instant.now()));
        } catch (BackupFormatException e) {
            throw refused(e);
        }
    }

    private RestoreRefusedException refused(BackupFormatException e) {
        return new RestoreRefusedException(messages.get(Messages.EN, e.messageKey(), e.args()), e);
    }

    private FluentConfiguration configure() {
        return Flyway.configure(Thread.currentThread().getContextClassLoader()).configuration(flyway);
    }

    /** The newest migration this build has. */
    private MigrationVersion latestKnown() {
        MigrationVersion latest = MigrationVersion.EMPTY;
        for (MigrationInfo i : configure().load().info().all()) {
            if (i.getVersion() != null && i.getVersion().compareTo(latest) > 0) {
                latest = i.getVersion();
            }
        }
        return latest;
    }

    private void requireEmpty() {
        try (Connection c = flyway.getDataSource().getConnection()) {
            var tables = new Catalogue(c).allTables();
            if (!tables.isEmpty()) {
                throw new BackupFormatException("backup.error.notEmpty", tables.size());
            }
        } catch (SQLException e) {
            throw new RestoreRefusedException(messages.get(Messages.EN, "backup.error.database", e.getMessage()), e);
        }
    }

    /** The restore did not happen; the message says why and what to do. The database is as it was. */
    public static class RestoreRefusedException extends RuntimeException {
        public RestoreRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
