package no.hallingdal.jobbmal.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends the outbox's due e-mails over SMTP (the Quarkus mailer), every {@code jobbmal.mail.send-every} (15 s), so
 * an e-mail written by a request goes out within a minute and SMTP never holds up a request. Each e-mail is claimed
 * first (only one instance sends it), sent outside any transaction, then marked sent, or retried with back-off.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    /** E-mails sent per round at most; the rest wait for the next round. */
    static final int BATCH = 50;

    @Inject
    Outbox outbox;

    @Inject
    Mailer mailer;

    @Inject
    JobbmalConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.mailer.from")
    Optional<String> from;

    @Scheduled(every = "${jobbmal.mail.send-every:15s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.mail().enabled()) {
            sendDue();
        }
    }

    /** Sends what is due now; returns the number sent. Does nothing while e-mail is off. */
    public int sendDue() {
        if (!config.mail().enabled()) {
            return 0;
        }
        int sent = 0;
        Instant now = Instant.now(clock);
        for (Outbox.Due due : outbox.due(now, BATCH)) {
            OutboxMail m = outbox.claim(due, now);
            if (m == null) {
                continue; // another instance has it
            }
            try {
                mailer.send(Mail.withText(m.address, m.subject, m.text).setHtml(m.html)
                        .setFrom(sender(m.senderName, from.orElse(null))));
                outbox.sent(m.id);
                sent++;
            } catch (RuntimeException e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                OutboxMail after = outbox.failed(m.id, error);
                LOG.warnf("E-mail %d (%s) to %s failed, attempt %d: %s; %s", m.id, m.kind, m.address, after.attempts,
                        error, OutboxMail.FAILED.equals(after.status) ? "given up"
                                : "next attempt at " + after.nextAttemptAt);
            }
        }
        return sent;
    }

    /**
     * The From header: the programme's name with the configured sender address, e.g.
     * {@code Sats på Hallingdal <jobbmal@example.no>}. A name in the configured address is replaced. The mailer
     * encodes the name itself (an encoded word for letters outside ASCII), so it is not quoted here; the characters
     * that would end it early are left out.
     */
    static String sender(String name, String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("quarkus.mailer.from (QUARKUS_MAILER_FROM) is not set");
        }
        String address = configured.strip();
        int lt = address.lastIndexOf('<');
        int gt = address.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            address = address.substring(lt + 1, gt).strip();
        }
        String plain = name.replaceAll("[\"<>,;:\\\\\r\n]", "").strip();
        return plain + " <" + address + ">";
    }
}
