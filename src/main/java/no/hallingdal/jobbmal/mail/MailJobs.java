package no.hallingdal.jobbmal.mail;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Looks for due reminders and digests every {@code jobbmal.mail.check-every} (1 h) while e-mail is on. Running
 * often is harmless: each e-mail's unique key lets it be written once.
 */
@ApplicationScoped
public class MailJobs {

    private static final Logger LOG = Logger.getLogger(MailJobs.class);

    @Inject
    Reminders reminders;

    @Inject
    Digests digests;

    @Inject
    JobbmalConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${jobbmal.mail.check-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (!config.mail().enabled()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int r = reminders.run(null, today);
        int d = digests.run(today);
        if (r + d > 0) {
            LOG.infof("E-mail: %d reminders and %d digests written to the outbox", r, d);
        }
    }
}
