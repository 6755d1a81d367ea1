package no.hallingdal.jobbmal.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.account.UserPreference;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.deadline.Deadline;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.project.ProjectStatus;
import no.hallingdal.jobbmal.result.Result;
import no.hallingdal.jobbmal.result.ResultStatus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The reminder before a deadline (docs/user-guide.md, "E-mails"): from {@code jobbmal.mail.reminder-days} days
 * before it to the day itself, every lead with an active project in the programme gets one e-mail, once per lead
 * and deadline however often this runs and on however many instances ({@code reminder:{deadline}:{user}}).
 */
@ApplicationScoped
public class Reminders {

    @Inject
    Outbox outbox;

    @Inject
    Letters letters;

    @Inject
    JobbmalConfig config;

    @Inject
    EntityManager em;

    /** A reminder to write: the deadline and the lead. */
    record Due(long deadlineId, long programmeId, long userId) {
        String key() {
            return "reminder:" + deadlineId + ":" + userId;
        }
    }

    /** Writes the due reminders of one programme, or of all when {@code programmeId} is null; returns how many. */
    public int run(Long programmeId, LocalDate today) {
        if (!config.mail().enabled()) {
            return 0;
        }
        int written = 0;
        for (Due due : due(programmeId, today)) {
            if (outbox.written(due.key())) {
                continue;
            }
            Letter letter = compose(due, today);
            if (letter != null && outbox.writeOnce(letter)) {
                written++;
            }
        }
        return written;
    }

    /** Every (deadline, lead) pair whose reminder window contains today. */
    @Transactional
    List<Due> due(Long programmeId, LocalDate today) {
        int days = config.mail().reminderDays();
        List<Deadline> deadlines = Deadline.<Deadline>list("dueDate >= ?1 and dueDate <= ?2 order by dueDate, id",
                today, today.plusDays(days)).stream()
                .filter(d -> programmeId == null || d.programmeId == programmeId)
                .filter(d -> MailRules.inReminderWindow(d.dueDate, today, days)).toList();
        return deadlines.stream().flatMap(d -> leads(d.programmeId).stream()
                .map(u -> new Due(d.id, d.programmeId, u))).toList();
    }

    /** The active users with an e-mail address who lead an active project of the programme. */
    private List<Long> leads(long programmeId) {
        return em.createQuery("select distinct u.id from Project p join p.leads u where p.programme.id = ?1 "
                + "and p.status = ?2 and u.active = true and u.email is not null order by u.id", Long.class)
                .setParameter(1, programmeId).setParameter(2, ProjectStatus.ACTIVE).getResultList();
    }

    /** The lead's e-mail, or null when they turned reminders off. */
    @Transactional
    Letter compose(Due due, LocalDate today) {
        User user = User.findById(due.userId());
        UserPreference pref = UserPreference.of(user.id);
        Deadline d = Deadline.findById(due.deadlineId());
        if (d == null || !pref.mailReminder || user.email == null || user.email.isBlank()) {
            return null;
        }
        Programme p = Programme.findById(d.programmeId);
        List<Project> projects = em.createQuery("select p from Project p join p.leads u where p.programme.id = ?1 "
                + "and p.status = ?2 and u.id = ?3 order by p.name", Project.class).setParameter(1, p.id)
                .setParameter(2, ProjectStatus.ACTIVE).setParameter(3, user.id).getResultList();
        List<Long> ids = projects.stream().map(x -> x.id).toList();
        LocalDate since = Deadline.previousFor(p.id, d.dueDate).map(x -> x.dueDate).orElse(null);
        List<Result> registered = since == null
                ? Result.<Result>find("project.id in ?1 order by registeredAt desc, id desc", ids).list()
                : Result.<Result>find("project.id in ?1 and registeredAt >= ?2 order by registeredAt desc, id desc",
                        ids, since.atStartOfDay(Formats.ZONE).toInstant()).list();
        List<Result> open = Result.<Result>find("project.id in ?1 and status in ?2 order by date, id", ids,
                List.of(ResultStatus.PENDING, ResultStatus.RETURNED)).list();
        MailText t = letters.text(pref);
        long daysLeft = ChronoUnit.DAYS.between(today, d.dueDate);
        String daysKey = daysLeft == 0 ? "deadline.days.today" : daysLeft == 1 ? "deadline.days.tomorrow"
                : "deadline.days.many";
        Letters.Reminder data = new Letters.Reminder(p.name, d.title, d.dueDate, daysLeft, t.t(daysKey, daysLeft),
                d.note, projects.stream().map(x -> x.name).toList(), since, lines(t, p, registered, false),
                Math.max(0, registered.size() - Letters.MAX_LINES), lines(t, p, open, true),
                Math.max(0, open.size() - Letters.MAX_LINES));
        return letters.reminder(due.key(), p, user, pref, data);
    }

    private List<Letters.Line> lines(MailText t, Programme p, List<Result> results, boolean reasons) {
        return results.stream().limit(Letters.MAX_LINES).map(r -> letters.line(t, p, r,
                reasons && r.status == ResultStatus.RETURNED ? r.statusReason : null)).toList();
    }
}
