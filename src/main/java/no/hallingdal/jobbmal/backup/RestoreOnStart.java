package no.hallingdal.jobbmal.backup;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code JOBBMAL_RESTORE_FROM=<backup.zip>}: restores the backup before the application serves. Quarkus calls
 * this when it builds Flyway for the start's migration, which is before Hibernate checks the schema and before
 * any request; the start's own migration then takes an older backup up to the newest version. A refused
 * restore stops the start with a message saying why (see {@link DatabaseRestore}).
 */
@ApplicationScoped
public class RestoreOnStart implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(RestoreOnStart.class);
    private static final AtomicBoolean DONE = new AtomicBoolean();

    @Inject
    JobbmalConfig config;

    @Override
    public void customize(FluentConfiguration configuration) {
        if (config.restoreFrom().isEmpty() || !DONE.compareAndSet(false, true)) {
            return;
        }
        Path file = Path.of(config.restoreFrom().get());
        LOG.infof("Restore: JOBBMAL_RESTORE_FROM=%s, restoring before the application starts", file);
        try {
            DatabaseRestore.Outcome o = new DatabaseRestore(configuration).restore(file);
            LOG.infof("Restore: done in %d ms: %d tables, %d rows loaded and verified (row counts and checksums) at "
                    + "schema version %s; the start now migrates to version %s. Unset JOBBMAL_RESTORE_FROM before the "
                    + "next start.", o.took().toMillis(), o.tables(), o.rows(), o.schemaVersion(), o.latestVersion());
        } catch (DatabaseRestore.RestoreRefusedException e) {
            LOG.errorf("Restore refused: %s", e.getMessage());
            throw e;
        }
    }
}
