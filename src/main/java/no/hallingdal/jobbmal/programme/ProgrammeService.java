package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.history.ChangeEvent;
import no.hallingdal.jobbmal.history.ChangeField;
import no.hallingdal.jobbmal.history.ChangeLog;
import no.hallingdal.jobbmal.municipality.FocusArea;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The programme and its targets: the one path for the admin page and the API. Every change is recorded
 * in the history ({@link ChangeLog}) in the same transaction.
 */
@ApplicationScoped
@TemplateData(namespace = TemplateData.SIMPLENAME)
public class ProgrammeService {

    public static final int MAX_TEXT = 200;
    public static final int MAX_YEARS = 20;
    public static final long MAX_NUMBER = 1_000_000;
    public static final int HISTORY_SIZE = 50;
    public static final List<String> HISTORY_TYPES = List.of("programme", "period", "annual_target",
            "focus_area_target");

    @Inject
    ChangeLog changeLog;

    @Inject
    DataVersion dataVersion;

    @Inject
    ProgrammeAccess access;

    @Inject
    Clock clock;

    /** The programme with this code; 404 when unknown, 403 when the user may not read it. */
    public Programme get(String code) {
        Programme p = Programme.findByCode(code).orElseThrow(() -> new NotFoundException("programme.notfound"));
        access.requireRead(p);
        return p;
    }

    /** The programme an input names by its code; 400 on {@code field} when unknown, 403 when not readable. */
    public Programme reference(String code, String field) {
        Programme p = Programme.findByCode(code).orElseThrow(() -> ValidationException.of(field,
                "programme.error.unknown", code, access.choices()));
        access.requireRead(p);
        return p;
    }

    /**
     * The programme with the period its pages edit: the one its dashboard opens on (the wave-1 shape of the
     * programme, one period, in {@code /api/v1/programme} and the programme page).
     */
    public ProgrammeView view(Programme p) {
        Period period = editedPeriod(p);
        List<AnnualTarget> annual = period == null ? List.of() : List.copyOf(period.annualTargets);
        Map<Long, Integer> focusTargets = new HashMap<>();
        if (period != null) {
            period.focusAreaTargets.forEach(t -> focusTargets.put(t.focusArea.id, t.target));
        }
        List<ProgrammeView.FocusAreaTargetRow> rows = new ArrayList<>();
        for (FocusArea f : FocusArea.listFor(p.id)) {
            rows.add(new ProgrammeView.FocusAreaTargetRow(f.code, f.nameNb, f.nameEn, focusTargets.get(f.id)));
        }
        return new ProgrammeView(p, period, annual, rows, period == null ? List.of()
                : warnings(period, annual, focusTargets));
    }

    /** The period the programme's pages edit and the dashboard opens on. */
    Period editedPeriod(Programme p) {
        return p.defaultPeriod(LocalDate.now(clock)).orElse(null);
    }

    /** The last changes of the programme, its periods and targets, newest first. */
    public List<ChangeEvent> history(Programme p) {
        return changeLog.recent(p.id, HISTORY_TYPES, HISTORY_SIZE);
    }

    static List<ProgrammeView.Warning> warnings(Period p, List<AnnualTarget> annual, Map<Long, Integer> focusTargets) {
        List<ProgrammeView.Warning> warnings = new ArrayList<>();
        int annualSum = annual.stream().mapToInt(t -> t.target).sum();
        if (annualSum != p.goal) {
            warnings.add(new ProgrammeView.Warning("annual-targets-sum", "programme.warning.annual", annualSum, p.goal));
        }
        if (!focusTargets.isEmpty()) {
            int focusSum = focusTargets.values().stream().mapToInt(Integer::intValue).sum();
            if (focusSum != p.goal) {
                warnings.add(new ProgrammeView.Warning("focus-area-targets-sum", "programme.warning.focus", focusSum,
                        p.goal));
            }
        }
        return warnings;
    }

    /**
     * Validates and saves a change of the programme and its edited period with its targets (admin of the
     * programme). Throws ValidationException (nothing saved) or ConflictException when {@code in.version()} is not
     * the current version.
     *
     * @param errors parse errors already found while reading the input
     */
    @Transactional
    public ProgrammeView update(Programme programme, ProgrammeInput in, Errors errors) {
        access.requireAdmin(programme);
        validate(in, errors);
        Programme p = Programme.findById(programme.id);
        Period period = editedPeriod(p);
        Map<String, FocusArea> focusAreas = new LinkedHashMap<>();
        FocusArea.listFor(p.id).forEach(f -> focusAreas.put(f.code, f));
        if (in.focusAreaTargets() != null) {
            for (var e : in.focusAreaTargets().entrySet()) {
                if (e.getKey() == null || !focusAreas.containsKey(e.getKey())) {
                    errors.add("focusAreaTargets." + e.getKey(), "error.unknown.focusarea", e.getKey());
                }
            }
        }
        if (period == null) {
            errors.add("periodStart", "programme.error.noPeriod");
        }
        errors.throwIfAny();
        if (in.version() != p.version) {
            throw new ConflictException("programme.conflict");
        }

        var diff = ChangeLog.diff()
                .field("name", p.name, in.name())
                .field("region", p.region, in.region())
                .field("owner", p.owner, in.owner())
                .field("county", p.countyName, in.county());
        boolean changed = !diff.isEmpty();
        if (changed) {
            p.name = in.name();
            p.region = in.region();
            p.owner = in.owner();
            p.countyName = in.county();
            changeLog.record(p.id, "programme", p.id, "updated", null, null, diff);
        }
        var periodDiff = ChangeLog.diff()
                .field("goal", period.goal, in.goal().intValue())
                .field("periodStart", period.startDate, in.periodStart())
                .field("periodEnd", period.endDate, in.periodEnd());
        if (!periodDiff.isEmpty()) {
            period.goal = in.goal().intValue();
            period.startDate = in.periodStart();
            period.endDate = in.periodEnd();
            changeLog.record(p.id, "period", period.id, "updated", null, null, periodDiff);
            changed = true;
        }
        changed |= updateAnnualTargets(p, period, in);
        changed |= updateFocusAreaTargets(p, period, in, focusAreas);
        if (changed && diff.isEmpty()) {
            // Only the period or its targets changed: still a new version of the programme, so a stale edit is refused.
            Panache.getEntityManager().lock(p, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        Panache.getEntityManager().flush();
        if (changed) {
            dataVersion.bump();
        }
        return view(p);
    }

    private boolean updateAnnualTargets(Programme p, Period period, ProgrammeInput in) {
        boolean changed = false;
        int first = in.periodStart().getYear();
        int last = in.periodEnd().getYear();
        Map<Integer, Long> wanted = in.annualTargets() == null ? Map.of() : in.annualTargets();
        Map<Integer, AnnualTarget> existing = new HashMap<>();
        for (AnnualTarget t : period.annualTargets) {
            existing.put(t.year, t);
        }
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
        return changed;
    }

    private boolean updateFocusAreaTargets(Programme p, Period period, ProgrammeInput in,
            Map<String, FocusArea> focusAreas) {
        if (in.focusAreaTargets() == null) {
            return false;
        }
        boolean changed = false;
        Map<String, FocusAreaTarget> existing = new HashMap<>();
        for (FocusAreaTarget t : period.focusAreaTargets) {
            existing.put(t.focusArea.code, t);
        }
        for (var area : focusAreas.entrySet()) {
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

    private static void validate(ProgrammeInput in, Errors errors) {
        text(errors, "name", in.name());
        text(errors, "region", in.region());
        text(errors, "owner", in.owner());
        text(errors, "county", in.county());
        if (in.goal() == null) {
            if (!errors.has("goal")) {
                errors.add("goal", "error.required");
            }
        } else if (in.goal() <= 0 || in.goal() > MAX_NUMBER) {
            errors.add("goal", "programme.error.goal", MAX_NUMBER);
        }
        if (in.periodStart() == null && !errors.has("periodStart")) {
            errors.add("periodStart", "error.required");
        }
        if (in.periodEnd() == null && !errors.has("periodEnd")) {
            errors.add("periodEnd", "error.required");
        }
        if (in.periodStart() != null && in.periodEnd() != null) {
            if (in.periodEnd().isBefore(in.periodStart())) {
                errors.add("periodEnd", "programme.error.endbeforestart");
            } else if (in.periodEnd().getYear() - in.periodStart().getYear() + 1 > MAX_YEARS) {
                errors.add("periodEnd", "programme.error.period", MAX_YEARS);
            }
        }
        if (in.annualTargets() != null) {
            in.annualTargets().forEach((y, t) -> target(errors, "annualTargets." + y, t));
        }
        if (in.focusAreaTargets() != null) {
            in.focusAreaTargets().forEach((c, t) -> target(errors, "focusAreaTargets." + c, t));
        }
        if (in.version() == null && !errors.has("version")) {
            errors.add("version", "error.required");
        }
    }

    private static void target(Errors errors, String field, Long value) {
        if (value != null && (value < 0 || value > MAX_NUMBER)) {
            errors.add(field, "programme.error.target", MAX_NUMBER);
        }
    }

    private static void text(Errors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            if (!errors.has(field)) {
                errors.add(field, "error.required");
            }
        } else if (value.length() > MAX_TEXT) {
            errors.add(field, "error.toolong", MAX_TEXT);
        }
    }
}
