package no.hallingdal.jobbmal.backup;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import org.jboss.logging.Logger;

import java.time.LocalTime;

/**
 * The daily backup at {@code jobbmal.backup.time} (local time of the server), unless
 * {@code jobbmal.backup.enabled=false}. Scheduled in code because the time is configured as HH:mm.
 */
@ApplicationScoped
public class BackupScheduler {

    private static final Logger LOG = Logger.getLogger(BackupScheduler.class);
    static final String JOB = "jobbmal-daily-backup";

    @Inject
    Scheduler scheduler;

    @Inject
    BackupService service;

    @Inject
    JobbmalConfig config;

    void onStart(@Observes StartupEvent event) {
        if (config.backup().keep() < 1) {
            throw new IllegalStateException("JOBBMAL_BACKUP_KEEP must be at least 1, not " + config.backup().keep());
        }
        if (!config.backup().enabled()) {
            LOG.info("Daily backup is off (JOBBMAL_BACKUP_ENABLED=false)");
            return;
        }
        LocalTime t = config.backup().time();
        scheduler.newJob(JOB)
                .setCron(cron(t))
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> service.scheduled())
                .schedule();
        LOG.infof("Daily backup at %s into %s, keeping the newest %d", t, service.directory().toAbsolutePath(),
                config.backup().keep());
    }

    /** A Quartz-style cron expression for every day at {@code t}: {@code 0 30 2 * * ?} for 02:30. */
    static String cron(LocalTime t) {
        return t.getSecond() + " " + t.getMinute() + " " + t.getHour() + " * * ?";
    }
}
