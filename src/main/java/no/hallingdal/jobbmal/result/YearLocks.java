package no.hallingdal.jobbmal.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.history.ChangeEvent;
import no.hallingdal.jobbmal.history.ChangeLog;
import no.hallingdal.jobbmal.programme.Programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Year locks (docs/rules.md, "Year lock"): after the board has reviewed a year the programme's admin locks it, and
 * results dated in it can then be created, edited, approved, returned or withdrawn only by an admin giving
 * a reason.
 */
@ApplicationScoped
public class YearLocks {

    public static final String ENTITY = "year_lock";
    /** How many history entries the year-lock page shows. */
    public static final int HISTORY_SIZE = 50;

    @Inject
    ResultPolicy policy;

    @Inject
    ChangeLog changeLog;

    @Inject
    Clock clock;

    /** A year of the page: its lock state and whether it is one of the programme's years. */
    public record YearRow(int year, boolean locked, boolean inProgramme) {
    }

    public boolean isLocked(long programmeId, int year) {
        return YearLock.isLocked(programmeId, year);
    }

    public Set<Integer> lockedYears(long programmeId) {
        return YearLock.lockedYears(programmeId);
    }

    /** The programme's locked years as text ("2022, 2023"), or null when none is locked. */
    public String lockedText(long programmeId) {
        Set<Integer> years = lockedYears(programmeId);
        return years.isEmpty() ? null : years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The programme's years and any other locked year of it, with their lock state. */
    @Transactional
    public List<YearRow> years(Programme p) {
        Set<Integer> locked = lockedYears(p.id);
        Set<Integer> all = new TreeSet<>(locked);
        Set<Integer> programme = new HashSet<>(Programme.<Programme>findById(p.id).years());
        all.addAll(programme);
        return all.stream().map(y -> new YearRow(y, locked.contains(y), programme.contains(y))).toList();
    }

    /** The programme's newest lock and unlock events. */
    public List<ChangeEvent> history(Programme p) {
        return changeLog.recent(p.id, List.of(ENTITY), HISTORY_SIZE);
    }

    @Transactional
    public void setLocked(Programme p, int year, boolean lock) {
        User user = policy.requireAdmin(p.id);
        if (year < ResultValidation.EARLIEST_DATE.getYear() || year > LocalDate.now(clock).getYear() + 10) {
            throw new NotFoundException("result.year.notfound");
        }
        YearLock l = YearLock.find(p.id, year);
        boolean was = l != null && l.locked;
        if (was == lock) {
            return;
        }
        if (l == null) {
            l = new YearLock();
            l.programmeId = p.id;
            l.lockYear = year;
            l.persist();
        }
        l.locked = lock;
        l.lockedBy = user.id;
        l.lockedAt = Instant.now(clock);
        changeLog.record(p.id, ENTITY, year, lock ? "locked" : "unlocked", null, null,
                ChangeLog.diff().field("locked", was, lock), user);
    }

    /**
     * A change touching a locked year needs an admin giving a reason: an admin without one gets a message at
     * the reason, anyone else at the date.
     */
    void check(long programmeId, Set<Integer> years, User user, String reason, Errors errors) {
        for (int year : years) {
            if (!isLocked(programmeId, year)) {
                continue;
            }
            if (user.is(Role.ADMIN, programmeId)) {
                if (reason == null && !errors.has("reason")) {
                    errors.add("reason", "result.error.locked.reason", year);
                }
            } else if (!errors.has("date")) {
                errors.add("date", "result.error.locked", year);
            }
        }
    }
}
