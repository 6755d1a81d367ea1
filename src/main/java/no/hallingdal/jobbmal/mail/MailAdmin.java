package no.hallingdal.jobbmal.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeAccess;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * E-mail for a programme's admin (or a system administrator): whether e-mail is on, "send due reminders now" and
 * the log of the programme's e-mails.
 */
@ApplicationScoped
public class MailAdmin {

    /** Rows on the log page. */
    public static final int LOG_ROWS = 500;

    @Inject
    ProgrammeAccess access;

    @Inject
    Reminders reminders;

    @Inject
    Outbox outbox;

    @Inject
    JobbmalConfig config;

    @Inject
    Clock clock;

    /** What "send due reminders now" did: whether e-mail is on and how many reminders it wrote to the outbox. */
    public record Run(boolean enabled, int queued) {
    }

    /** An e-mail as the log shows it: what, to whom, when, status and the last error. */
    public record LogRow(long id, String kind, String subject, String recipient, String address, String language,
            Instant createdAt, Instant sentAt, String status, int attempts, Instant nextAttemptAt, String lastError) {
    }

    public boolean enabled() {
        return config.mail().enabled();
    }

    /** Writes the programme's due reminders now (those not written yet); the sender sends them within a minute. */
    public Run runReminders(Programme p) {
        access.requireAdministration(p);
        if (!enabled()) {
            return new Run(false, 0);
        }
        return new Run(true, reminders.run(p.id, LocalDate.now(clock)));
    }

    /** The programme's e-mails, newest first. */
    @Transactional
    public List<LogRow> log(Programme p) {
        access.requireAdministration(p);
        List<OutboxMail> mails = outbox.log(p.id, LOG_ROWS);
        Map<Long, String> names = new HashMap<>();
        List<Long> ids = mails.stream().map(m -> m.userId).distinct().toList();
        if (!ids.isEmpty()) {
            User.<User>list("id in ?1", ids).forEach(u -> names.put(u.id, u.displayName));
        }
        return mails.stream().map(m -> new LogRow(m.id, m.kind, m.subject, names.get(m.userId), m.address, m.language,
                m.createdAt, m.sentAt, m.status, m.attempts, m.nextAttemptAt, m.lastError)).toList();
    }
}
