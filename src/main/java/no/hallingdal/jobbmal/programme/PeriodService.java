package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.history.ChangeField;
import no.hallingdal.jobbmal.history.ChangeLog;
import no.hallingdal.jobbmal.municipality.FocusArea;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A programme's periods (docs/rules.md, "Periods"): add, edit and end one, with its goal, annual targets and
 * focus-area targets. The one home of a period's input rules, used by the period pages, the wave-1 programme page
 * and API ({@link ProgrammeService}) and the programmes API ({@link ProgrammeAdmin}). Every change is recorded in
 * the history and makes a new version of the programme, so a stale edit is refused.
 */
@ApplicationScoped
public class PeriodService {

    @Inject
    ChangeLog changeLog;

    @Inject
    DataVersion dataVersion;

    @Inject
    jakarta.enterprise.event.Event<PeriodDatesChanged> datesChanged;

    @Inject
    ProgrammeAccess access;

    @Inject
    Clock clock;

    /** A period as the periods page lists it. */
    public record Row(int index, Period period, PeriodState state, int annualSum, Integer focusSum) {
    }

    /** The programme's periods in start order, for whoever may administer it (403 otherwise). */
    public List<Row> rows(Programme p) {
        access.requireAdministration(p);
        LocalDate today = today();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < p.periods.size(); i++) {
            Period x = p.periods.get(i);
            rows.add(new Row(i + 1, x, x.state(today), x.annualTargets.stream().mapToInt(t -> t.target).sum(),
                    x.focusAreaTargets.isEmpty() ? null : x.focusAreaTargets.stream().mapToInt(t -> t.target).sum()));
        }
        return rows;
    }

    /** The period at {@code index} (from 1, start order), for whoever may administer the programme; else 404. */
    public Period period(Programme p, int index) {
        access.requireAdministration(p);
        return p.period(index).orElseThrow(() -> new NotFoundException("period.notfound"));
    }

    /** Adds a period. Throws ValidationException (nothing saved) or ConflictException (stale {@code version}). */
    @Transactional
    public Period add(Programme programme, PeriodInput in, Long version, Errors errors) {
        access.requireAdministration(programme);
        Programme p = Programme.findById(programme.id);
        Map<String, FocusArea> areas = focusAreas(p);
        validate(in, PeriodFields.PAGE, areas.keySet(), errors);
        checkOverlap(p, -1, in, PeriodFields.PAGE, errors);
        required(version, errors);
        errors.throwIfAny();
        checkVersion(p, version);
        Period period = create(p, in, areas);
        touch(p);
        dataVersion.bump();
        return period;
    }

    /** Changes the period at {@code index}: as {@link #add}. */
    @Transactional
    public Period update(Programme programme, int index, PeriodInput in, Long version, Errors errors) {
        access.requireAdministration(programme);
        Programme p = Programme.findById(programme.id);
        Period period = p.period(index).orElseThrow(() -> new NotFoundException("period.notfound"));
        Map<String, FocusArea> areas = focusAreas(p);
        validate(in, PeriodFields.PAGE, areas.keySet(), errors);
        checkOverlap(p, index - 1, in, PeriodFields.PAGE, errors);
        required(version, errors);
        errors.throwIfAny();
        checkVersion(p, version);
        if (change(p, period, in, areas, "updated")) {
            touch(p);
            dataVersion.bump();
        }
        return period;
    }

    /**
     * Ends the period at {@code index} on {@code end}: a day no later than today and not before its start. Annual
     * targets of years after the new end are removed.
     */
    @Transactional
    public Period end(Programme programme, int index, LocalDate end, Long version, Errors errors) {
        access.requireAdministration(programme);
        Programme p = Programme.findById(programme.id);
        Period period = p.period(index).orElseThrow(() -> new NotFoundException("period.notfound"));
        LocalDate today = today();
        if (end == null) {
            if (!errors.has("endDate")) {
                errors.add("endDate", "error.required");
            }
        } else if (end.isAfter(today)) {
            errors.add("endDate", "period.error.endFuture", today);
        } else if (end.isBefore(period.startDate)) {
            errors.add("endDate", "programme.error.endbeforestart");
        }
        required(version, errors);
        errors.throwIfAny();
        checkVersion(p, version);
        PeriodInput in = new PeriodInput(null, period.startDate, end, (long) period.goal, null, null);
        if (change(p, period, in, focusAreas(p), "ended")) {
            touch(p);
            dataVersion.bump();
        }
        return period;
    }

    /** The programme's focus areas by code, in their order. */
    static Map<String, FocusArea> focusAreas(Programme p) {
        Map<String, FocusArea> areas = new LinkedHashMap<>();
        FocusArea.listFor(p.id).forEach(f -> areas.put(f.code, f));
        return areas;
    }

    /** The input rules of one period, reported on {@code f}'s fields; {@code focusCodes} are the programme's. */
    void validate(PeriodInput in, PeriodFields f, Collection<String> focusCodes, Errors errors) {
        if (f.name() != null) {
            ProgrammeService.text(errors, f.name(), in.name());
        }
        if (in.goal() == null) {
            if (!errors.has(f.goal())) {
                errors.add(f.goal(), "error.required");
            }
        } else if (in.goal() <= 0 || in.goal() > ProgrammeService.MAX_NUMBER) {
            errors.add(f.goal(), "programme.error.goal", ProgrammeService.MAX_NUMBER);
        }
        if (in.start() == null && !errors.has(f.start())) {
            errors.add(f.start(), "error.required");
        }
        if (in.end() == null && !errors.has(f.end())) {
            errors.add(f.end(), "error.required");
        }
        if (in.start() != null && in.end() != null) {
            if (in.end().isBefore(in.start())) {
                errors.add(f.end(), "programme.error.endbeforestart");
            } else if (in.end().getYear() - in.start().getYear() + 1 > ProgrammeService.MAX_YEARS) {
                errors.add(f.end(), "programme.error.period", ProgrammeService.MAX_YEARS);
            }
        }
        if (in.annualTargets() != null) {
            in.annualTargets().forEach((y, t) -> target(errors, f.annual() + y, t));
        }
        if (in.focusAreaTargets() != null) {
            in.focusAreaTargets().forEach((c, t) -> {
                if (c == null || !focusCodes.contains(c)) {
                    errors.add(f.focus() + c, "error.unknown.focusarea", c);
                } else {
                    target(errors, f.focus() + c, t);
                }
            });
        }
    }

    /** Periods of one programme never overlap: the period at {@code self} (from 0; -1 for a new one) against the rest. */
    static void checkOverlap(Programme p, int self, PeriodInput in, PeriodFields f, Errors errors) {
        if (!validDates(in)) {
            return;
        }
        List<Periods.Span> spans = p.periods.stream().map(Periods.Span::of).toList();
        int other = Periods.overlapping(spans, self, new Periods.Span(in.start(), in.end()));
        if (other >= 0) {
            Period o = p.periods.get(other);
            errors.add(f.start(), "period.error.overlap", o.name, o.startDate, o.endDate);
        }
    }

    static boolean validDates(PeriodInput in) {
        return in.start() != null && in.end() != null && !in.end().isBefore(in.start());
    }

    /** A new period of the programme with its targets, recorded in the history. Call after validating. */
    Period create(Programme p, PeriodInput in, Map<String, FocusArea> areas) {
        Period period = new Period();
        period.programme = p;
        period.name = in.name();
        period.startDate = in.start();
        period.endDate = in.end();
        period.goal = in.goal().intValue();
        period.persist();
        p.periods.add(period);
        p.periods.sort(Comparator.comparing(x -> x.startDate));
        datesChanged.fire(new PeriodDatesChanged(p.id));
        changeLog.record(p.id, "period", period.id, "created", null, null, ChangeLog.diff()
                .field("name", null, period.name).field("start", null, period.startDate)
                .field("end", null, period.endDate).field("goal", null, period.goal));
        applyAnnualTargets(p, period, in);
        applyFocusAreaTargets(p, period, in, areas);
        return period;
    }

    /** Applies a validated change of the period and its targets with the history; whether anything changed. */
    boolean change(Programme p, Period period, PeriodInput in, Map<String, FocusArea> areas, String action) {
        var diff = ChangeLog.diff();
        if (in.name() != null) {
            diff.field("name", period.name, in.name());
        }
        diff.field("start", period.startDate, in.start()).field("end", period.endDate, in.end())
                .field("goal", period.goal, in.goal().intValue());
        boolean changed = !diff.isEmpty();
        if (changed) {
            if (in.name() != null) {
                period.name = in.name();
            }
            boolean dates = !in.start().equals(period.startDate) || !in.end().equals(period.endDate);
            period.startDate = in.start();
            period.endDate = in.end();
            period.goal = in.goal().intValue();
            p.periods.sort(Comparator.comparing(x -> x.startDate));
            changeLog.record(p.id, "period", period.id, action, null, null, diff);
            if (dates) {
                datesChanged.fire(new PeriodDatesChanged(p.id));
            }
        }
        changed |= applyAnnualTargets(p, period, in);
        changed |= applyFocusAreaTargets(p, period, in, areas);
        return changed;
    }

    /** One annual target per calendar year of the period: missing years get 0, years outside are removed. */
    private boolean applyAnnualTargets(Programme p, Period period, PeriodInput in) {
        boolean changed = false;
        int first = period.startDate.getYear();
        int last = period.endDate.getYear();
        Map<Integer, Long> wanted = in.annualTargets() == null ? Map.of() : in.annualTargets();
        Map<Integer, AnnualTarget> existing = new HashMap<>();
        period.annualTargets.forEach(t -> existing.put(t.year, t));
        for (AnnualTarget t : existing.values()) {
            if (t.year < first || t.year > last) {
                var diff = ChangeLog.diff().field("year", t.year, null).field("target", t.target, null);
                changeLog.record(p.id, "annual_target", t.id, "deleted", null, null, diff);
                period.annualTargets.remove(t);
                changed = true;
            }
        }
        for (int y = first; y <= last; y++) {
            AnnualTarget t = existing.get(y);
            Long w = wanted.get(y);
            if (t == null) {
                t = new AnnualTarget();
                t.period = period;
                t.year = y;
                t.target = w == null ? 0 : w.intValue();
                t.persist();
                period.annualTargets.add(t);
                var diff = ChangeLog.diff().field("year", null, y).field("target", null, t.target);
                changeLog.record(p.id, "annual_target", t.id, "created", null, null, diff);
                changed = true;
            } else if (w != null && w.intValue() != t.target) {
                var diff = ChangeLog.diff().field("target", t.target, w.intValue());
                diff.fields().add(0, new ChangeField("year", String.valueOf(y), String.valueOf(y)));
                t.target = w.intValue();
                changeLog.record(p.id, "annual_target", t.id, "updated", null, null, diff);
                changed = true;
            }
        }
        period.annualTargets.sort(Comparator.comparingInt(t -> t.year));
        return changed;
    }

    /** The focus-area targets when the input has them: a null target removes one. */
    private boolean applyFocusAreaTargets(Programme p, Period period, PeriodInput in, Map<String, FocusArea> areas) {
        if (in.focusAreaTargets() == null) {
            return false;
        }
        boolean changed = false;
        Map<String, FocusAreaTarget> existing = new HashMap<>();
        period.focusAreaTargets.forEach(t -> existing.put(t.focusArea.code, t));
        for (var area : areas.entrySet()) {
            String code = area.getKey();
            FocusAreaTarget t = existing.get(code);
            Long w = in.focusAreaTargets().get(code);
            if (t == null && w != null) {
                t = new FocusAreaTarget();
                t.period = period;
                t.focusArea = area.getValue();
                t.target = w.intValue();
                t.persist();
                period.focusAreaTargets.add(t);
                var diff = ChangeLog.diff().field("focusArea", null, code).field("target", null, t.target);
                changeLog.record(p.id, "focus_area_target", t.id, "created", null, null, diff);
                changed = true;
            } else if (t != null && w == null) {
                var diff = ChangeLog.diff().field("focusArea", code, null).field("target", t.target, null);
                changeLog.record(p.id, "focus_area_target", t.id, "deleted", null, null, diff);
                period.focusAreaTargets.remove(t);
                changed = true;
            } else if (t != null && w.intValue() != t.target) {
                var diff = ChangeLog.diff().field("target", t.target, w.intValue());
                diff.fields().add(0, new ChangeField("focusArea", code, code));
                t.target = w.intValue();
                changeLog.record(p.id, "focus_area_target", t.id, "updated", null, null, diff);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * A change of the programme's periods, targets, focus areas or municipalities is a new version of the
     * programme (so an edit based on the old one is refused). Not for a programme whose own fields changed: its
     * version goes up by itself.
     */
    static void touch(Programme p) {
        Panache.getEntityManager().lock(p, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    static void required(Long version, Errors errors) {
        if (version == null && !errors.has("version")) {
            errors.add("version", "error.required");
        }
    }

    static void checkVersion(Programme p, Long version) {
        if (version.longValue() != p.version) {
            throw new ConflictException("programme.conflict");
        }
    }

    private static void target(Errors errors, String field, Long value) {
        if (value != null && (value < 0 || value > ProgrammeService.MAX_NUMBER)) {
            errors.add(field, "programme.error.target", ProgrammeService.MAX_NUMBER);
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
