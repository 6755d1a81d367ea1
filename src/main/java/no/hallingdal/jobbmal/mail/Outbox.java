package no.hallingdal.jobbmal.mail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.JobbmalConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The outbox (docs/architecture.md, "E-mail"): writes e-mails, lets one instance claim each due one, and records
 * what sending it gave. The unique {@code dedup_key} is what makes "once" true with several instances: an e-mail
 * whose key is taken is never written twice.
 */
@ApplicationScoped
public class Outbox {

    /** How long a claimed e-mail is left to its instance before another may take it (it died while sending). */
    static final java.time.Duration LEASE = java.time.Duration.ofMinutes(5);

    @Inject
    Clock clock;

    @Inject
    JobbmalConfig config;

    /** A due e-mail and the attempts it had when read: the claim succeeds only if nobody claimed it since. */
    record Due(long id, int attempts) {
    }

    /** Writes the letter in the caller's transaction (a returned result's), so both commit or neither does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(Letter letter) {
        entity(letter).persist();
    }

    /** Whether an e-mail with this key has been written (by any instance, sent or not). */
    @Transactional
    public boolean written(String dedupKey) {
        return OutboxMail.count("dedupKey", dedupKey) > 0;
    }

    /**
     * Writes the letter in a transaction of its own unless its key is taken. False when it was: by an earlier run,
     * or by another instance at the same moment (the unique key refuses the second insert, which only rolls back
     * its own transaction: on PostgreSQL a failed statement spoils the rest of a transaction).
     */
    public boolean writeOnce(Letter letter) {
        if (written(letter.dedupKey())) {
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                OutboxMail m = entity(letter);
                m.persist();
                m.flush();
            });
            return true;
        } catch (RuntimeException e) {
            if (written(letter.dedupKey())) {
                return false;
            }
            throw e;
        }
    }

    /** E-mails due to be sent (pending, or claimed by an instance whose lease ran out), oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Due> due(Instant now, int max) {
        return OutboxMail.<OutboxMail>find("status in (?1, ?2) and nextAttemptAt <= ?3 order by nextAttemptAt, id",
                OutboxMail.PENDING, OutboxMail.SENDING, now).page(0, max).list().stream()
                .map(m -> new Due(m.id, m.attempts)).toList();
    }

    /**
     * Claims an e-mail for this instance with one conditional UPDATE: only the instance whose update finds the row
     * as it read it wins; the others' update changes no row. Counts the attempt and leases the row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    OutboxMail claim(Due due, Instant now) {
        int won = OutboxMail.update("status = ?1, attempts = attempts + 1, nextAttemptAt = ?2 where id = ?3 and "
                + "attempts = ?4 and status in (?5, ?6) and nextAttemptAt <= ?7", OutboxMail.SENDING, now.plus(LEASE),
                due.id(), due.attempts(), OutboxMail.PENDING, OutboxMail.SENDING, now);
        return won == 1 ? OutboxMail.findById(due.id()) : null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void sent(long id) {
        OutboxMail m = OutboxMail.findById(id);
        m.status = OutboxMail.SENT;
        m.sentAt = Instant.now(clock);
        m.lastError = null;
    }

    /** After a failed attempt: again after the back-off, or failed for good after the last attempt. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    OutboxMail failed(long id, String error) {
        OutboxMail m = OutboxMail.findById(id);
        m.lastError = error == null ? "?" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (m.attempts >= config.mail().maxAttempts()) {
            m.status = OutboxMail.FAILED;
        } else {
            m.status = OutboxMail.PENDING;
            m.nextAttemptAt = Instant.now(clock).plus(MailRules.backoff(m.attempts));
        }
        return m;
    }

    /** The programme's e-mails, newest first (the log page). */
    @Transactional
    public List<OutboxMail> log(long programmeId, int max) {
        return OutboxMail.<OutboxMail>find("programmeId = ?1 order by createdAt desc, id desc", programmeId)
                .page(0, max).list();
    }

    private OutboxMail entity(Letter l) {
        OutboxMail m = new OutboxMail();
        m.dedupKey = l.dedupKey();
        m.kind = l.kind();
        m.programmeId = l.programmeId();
        m.userId = l.userId();
        m.address = l.address();
        m.language = l.language();
        m.senderName = l.senderName();
        m.subject = l.subject();
        m.text = l.text();
        m.html = l.html();
        m.status = OutboxMail.PENDING;
        m.attempts = 0;
        m.createdAt = Instant.now(clock);
        m.nextAttemptAt = m.createdAt;
        return m;
    }
}
