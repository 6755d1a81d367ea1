package no.hallingdal.jobbmal.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.account.UserPreference;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.result.Result;
import no.hallingdal.jobbmal.result.ResultStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin's weekly digest: on {@code jobbmal.mail.digest-day}, each admin of a programme gets the results
 * pending longer than {@code jobbmal.mail.pending-days}, once per ISO week ({@code digest:{programme}:{user}:{week}});
 * nothing when nothing is pending that long.
 */
@ApplicationScoped
public class Digests {

    @Inject
    Outbox outbox;

    @Inject
    Letters letters;

    @Inject
    JobbmalConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    record Due(long programmeId, long userId, String key) {
    }

    /** Writes the digests due today (none unless today is the digest day); returns how many. */
    public int run(LocalDate today) {
        if (!config.mail().enabled() || !MailRules.isDigestDay(today, config.mail().digestDay())) {
            return 0;
        }
        int written = 0;
        for (Due due : due(today)) {
            if (outbox.written(due.key())) {
                continue;
            }
            Letter letter = compose(due);
            if (letter != null && outbox.writeOnce(letter)) {
                written++;
            }
        }
        return written;
    }

    /** Each (programme, admin) with an e-mail address, in programmes with results pending too long. */
    @Transactional
    List<Due> due(LocalDate today) {
        String week = MailRules.isoWeek(today);
        List<Due> due = new ArrayList<>();
        for (Programme p : Programme.<Programme>listAll()) {
            if (Result.count("programmeId = ?1 and status = ?2 and registeredAt < ?3", p.id, ResultStatus.PENDING,
                    cutoff()) == 0) {
                continue;
            }
            em.createQuery("select m.user.id from Membership m where m.programmeId = ?1 and m.role = ?2 "
                    + "and m.user.active = true and m.user.email is not null order by m.user.id", Long.class)
                    .setParameter(1, p.id).setParameter(2, Role.ADMIN_CODE).getResultList()
                    .forEach(u -> due.add(new Due(p.id, u, "digest:" + p.id + ":" + u + ":" + week)));
        }
        return due;
    }

    /** The programme's results pending since before the cut-off, oldest first. */
    private List<Result> pending(long programmeId) {
        return Result.<Result>find("programmeId = ?1 and status = ?2 and registeredAt < ?3 order by registeredAt, id",
                programmeId, ResultStatus.PENDING, cutoff()).list();
    }

    /** Results registered before this have waited longer than {@code pending-days}. */
    private Instant cutoff() {
        return Instant.now(clock).minus(config.mail().pendingDays(), ChronoUnit.DAYS);
    }

    @Transactional
    Letter compose(Due due) {
        User user = User.findById(due.userId());
        UserPreference pref = UserPreference.of(user.id);
        List<Result> pending = pending(due.programmeId());
        if (!pref.mailDigest || pending.isEmpty()) {
            return null;
        }
        return letters.digest(due.key(), Programme.findById(due.programmeId()), user, pref, pending);
    }
}
