package no.hallingdal.jobbmal.deadline;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeAccess;
import no.hallingdal.jobbmal.programme.ProgrammeScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A programme's reporting deadlines (docs/rules.md, "Deadlines"): the one home of their input rules, used by the
 * admin pages and the API. Everyone who may read the programme sees them; its admin (or a system administrator)
 * changes them. A change bumps the data version, so the dashboard (cached per data version) shows it at once.
 */
@ApplicationScoped
@Named("deadlines")
@TemplateData(namespace = TemplateData.SIMPLENAME)
public class DeadlineService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_NOTE = 2000;
    /** Earliest and latest due date accepted. */
    static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST = LocalDate.of(2200, 12, 31);

    @Inject
    ProgrammeAccess access;

    @Inject
    DataVersion dataVersion;

    @Inject
    ProgrammeScope scope;

    @Inject
    Clock clock;

    /** The next deadline and the days until it, for the dashboard and the register page. */
    public record Next(String title, LocalDate dueDate, long daysLeft) {
        /** The message key of the days left in words: today, tomorrow, in {0} days. */
        public String daysKey() {
            return daysLeft == 0 ? "deadline.days.today" : daysLeft == 1 ? "deadline.days.tomorrow" : "deadline.days.many";
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The programme's deadlines by date, for whoever may read it. */
    @Transactional
    public List<Deadline> list(Programme p) {
        access.requireRead(p);
        return Deadline.listFor(p.id);
    }

    /** One of the programme's deadlines; 404 when unknown or another programme's. */
    @Transactional
    public Deadline get(Programme p, long id) {
        access.requireRead(p);
        return find(p, id);
    }

    /** The programme's next deadline (today or later), if any. Reads no rights: the caller shows a readable page. */
    @Transactional
    public Optional<Next> next(long programmeId) {
        LocalDate today = today();
        return Deadline.nextFor(programmeId, today)
                .map(d -> new Next(d.title, d.dueDate, ChronoUnit.DAYS.between(today, d.dueDate)));
    }

    /** Same as {@link #next(long)} for a template: null when there is none. */
    public Next nextOrNull(long programmeId) {
        return next(programmeId).orElse(null);
    }

    /** The next deadline of the request's programme (if the caller may read it), for a template; else null. */
    @Transactional
    public Next nextHere() {
        return scope.current().flatMap(p -> next(p.id)).orElse(null);
    }

    /** 403 unless the caller may change the programme's deadlines (its admin or a system administrator). */
    public void requireChange(Programme p) {
        access.requireAdministration(p);
    }

    @Transactional
    public Deadline create(Programme p, DeadlineInput in, Errors errors) {
        access.requireAdministration(p);
        validate(in, errors).throwIfAny();
        Deadline d = new Deadline();
        d.programmeId = p.id;
        d.createdAt = Instant.now(clock);
        apply(d, in);
        d.persist();
        dataVersion.bump();
        return d;
    }

    /** Changes a deadline: 404 for another programme's, 400 for bad input or a missing version, 409 when stale. */
    @Transactional
    public Deadline update(Programme p, long id, DeadlineInput in, Errors errors) {
        access.requireAdministration(p);
        Deadline d = find(p, id);
        validate(in, errors);
        requireVersion(d, in == null ? null : in.version(), errors);
        apply(d, in);
        d.flush();
        dataVersion.bump();
        return d;
    }

    /** Removes a deadline (as {@link #update}); e-mails already written for it stay in the outbox's log. */
    @Transactional
    public void delete(Programme p, long id, String version) {
        access.requireAdministration(p);
        Deadline d = find(p, id);
        Errors errors = new Errors();
        requireVersion(d, Inputs.integer(version, "version", errors), errors);
        d.delete();
        dataVersion.bump();
    }

    public DeadlineView view(Programme p, Deadline d) {
        return new DeadlineView(d.id, p.code, d.dueDate, d.title, d.note, ChronoUnit.DAYS.between(today(), d.dueDate),
                d.version);
    }

    /** The input rules: a due date in 2000–2200, a title of 1–200 characters, a note of at most 2000. */
    static Errors validate(DeadlineInput in, Errors errors) {
        if (in == null) {
            return errors.add("body", "error.required");
        }
        if (in.dueDate() == null) {
            if (!errors.has("dueDate")) {
                errors.add("dueDate", "error.required");
            }
        } else if (in.dueDate().isBefore(FIRST) || in.dueDate().isAfter(LAST)) {
            errors.add("dueDate", "deadline.error.dueDate", FIRST.getYear(), LAST.getYear());
        }
        String title = Inputs.text(in.title());
        if (title == null) {
            errors.add("title", "error.required");
        } else if (title.length() > MAX_TITLE) {
            errors.add("title", "error.toolong", MAX_TITLE);
        }
        String note = Inputs.text(in.note());
        if (note != null && note.length() > MAX_NOTE) {
            errors.add("note", "error.toolong", MAX_NOTE);
        }
        return errors;
    }

    private static void requireVersion(Deadline d, Long version, Errors errors) {
        if (version == null && !errors.has("version")) {
            errors.add("version", "error.required");
        }
        errors.throwIfAny();
        if (version != d.version) {
            throw new ConflictException("deadline.conflict");
        }
    }

    private static Deadline find(Programme p, long id) {
        Deadline d = Deadline.findById(id);
        if (d == null || d.programmeId != p.id) {
            throw new NotFoundException("deadline.notfound");
        }
        return d;
    }

    private static void apply(Deadline d, DeadlineInput in) {
        d.dueDate = in.dueDate();
        d.title = Inputs.text(in.title());
        d.note = Inputs.text(in.note());
    }
}
