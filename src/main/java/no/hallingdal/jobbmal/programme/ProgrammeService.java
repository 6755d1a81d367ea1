package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.VersionedCache;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.history.ChangeEvent;
import no.hallingdal.jobbmal.history.ChangeField;
import no.hallingdal.jobbmal.history.ChangeLog;
import no.hallingdal.jobbmal.municipality.FocusArea;

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
public class ProgrammeService implements Pages.ProgrammeName {

    public static final int MAX_TEXT = 200;
    public static final int MAX_YEARS = 20;
    public static final long MAX_NUMBER = 1_000_000;
    public static final int HISTORY_SIZE = 50;
    public static final List<String> HISTORY_TYPES = List.of("programme", "annual_target", "focus_area_target");

    @Inject
    ChangeLog changeLog;

    @Inject
    DataVersion dataVersion;

    private final VersionedCache<String, String> name = new VersionedCache<>(1);

    /** The programme's name, which every page header shows: read once per data version. */
    @Override
    public String name() {
        return name.get(dataVersion.current(), "name", () -> {
            Programme p = Programme.get();
            return p == null ? "Jobbmål" : p.name;
        });
    }

    /** The programme. */
    public Programme current() {
        return Programme.get();
    }

    /** The programme's years, in order. */
    public List<Integer> years() {
        Programme p = Programme.get();
        return p == null ? List.of() : p.years();
    }

    @Transactional
    public ProgrammeView view() {
        Programme p = Programme.get();
        List<AnnualTarget> annual = AnnualTarget.listForProgramme();
        Map<String, Integer> focusTargets = new HashMap<>();
        for (FocusAreaTarget t : FocusAreaTarget.listForProgramme()) {
            focusTargets.put(t.focusAreaCode, t.target);
        }
        List<ProgrammeView.FocusAreaTargetRow> rows = new ArrayList<>();
        for (FocusArea f : FocusArea.listOrdered()) {
            rows.add(new ProgrammeView.FocusAreaTargetRow(f.code, f.nameNb, f.nameEn, focusTargets.get(f.code)));
        }
        return new ProgrammeView(p, annual, rows, warnings(p, annual, focusTargets));
    }

    /** The last changes of the programme and its targets, newest first. */
    public List<ChangeEvent> history() {
        return changeLog.recent(HISTORY_TYPES, HISTORY_SIZE);
    }

    static List<ProgrammeView.Warning> warnings(Programme p, List<AnnualTarget> annual,
            Map<String, Integer> focusTargets) {
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
     * Validates and saves a change of the programme and its targets. Throws ValidationException (nothing
     * saved) or ConflictException when {@code in.version()} is not the current version.
     *
     * @param errors parse errors already found while reading the input
     */
    @Transactional
    public ProgrammeView update(ProgrammeInput in, Errors errors) {
        validate(in, errors);
        Programme p = Programme.get();
        Map<String, FocusArea> focusAreas = new LinkedHashMap<>();
        FocusArea.listOrdered().forEach(f -> focusAreas.put(f.code, f));
        if (in.focusAreaTargets() != null) {
            for (var e : in.focusAreaTargets().entrySet()) {
                if (e.getKey() == null || !focusAreas.containsKey(e.getKey())) {
                    errors.add("focusAreaTargets." + e.getKey(), "error.unknown.focusarea", e.getKey());
                }
            }
        }
        errors.throwIfAny();
        if (in.version() != p.version) {
            throw new ConflictException("programme.conflict");
        }

        var diff = ChangeLog.diff()
                .field("name", p.name, in.name())
                .field("region", p.region, in.region())
                .field("owner", p.owner, in.owner())
                .field("county", p.county, in.county())
                .field("goal", p.goal, in.goal().intValue())
                .field("periodStart", p.startDate, in.periodStart())
                .field("periodEnd", p.endDate, in.periodEnd());
        boolean changed = !diff.isEmpty();
        if (changed) {
            p.name = in.name();
            p.region = in.region();
            p.owner = in.owner();
            p.county = in.county();
            p.goal = in.goal().intValue();
            p.startDate = in.periodStart();
            p.endDate = in.periodEnd();
            changeLog.record("programme", p.id, "updated", null, null, diff);
        }
        changed |= updateAnnualTargets(in);
        changed |= updateFocusAreaTargets(in, focusAreas);
        if (changed && diff.isEmpty()) {
            // Only targets changed: still a new version of the programme, so a stale edit is refused.
            Panache.getEntityManager().lock(p, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        Panache.getEntityManager().flush();
        if (changed) {
            dataVersion.bump();
        }
        return view();
    }

    private boolean updateAnnualTargets(ProgrammeInput in) {
        boolean changed = false;
        int first = in.periodStart().getYear();
        int last = in.periodEnd().getYear();
        Map<Integer, Long> wanted = in.annualTargets() == null ? Map.of() : in.annualTargets();
        Map<Integer, AnnualTarget> existing = new HashMap<>();
        for (AnnualTarget t : AnnualTarget.listForProgramme()) {
            existing.put(t.year, t);
        }
        for (AnnualTarget t : existing.values()) {
            if (t.year < first || t.year > last) {
                var diff = ChangeLog.diff().field("year", t.year, null).field("target", t.target, null);
                changeLog.record("annual_target", t.id, "deleted", null, null, diff);
                t.delete();
                changed = true;
            }
        }
        for (int y = first; y <= last; y++) {
            AnnualTarget t = existing.get(y);
            Long w = wanted.get(y);
            if (t == null) {
                t = new AnnualTarget();
                t.programmeId = Programme.THE_ID;
                t.year = y;
                t.target = w == null ? 0 : w.intValue();
                t.persist();
                var diff = ChangeLog.diff().field("year", null, y).field("target", null, t.target);
                changeLog.record("annual_target", t.id, "created", null, null, diff);
                changed = true;
            } else if (w != null && w.intValue() != t.target) {
                var diff = ChangeLog.diff().field("target", t.target, w.intValue());
                diff.fields().add(0, new ChangeField("year", String.valueOf(y), String.valueOf(y)));
                t.target = w.intValue();
                changeLog.record("annual_target", t.id, "updated", null, null, diff);
                changed = true;
            }
        }
        return changed;
    }

    private boolean updateFocusAreaTargets(ProgrammeInput in, Map<String, FocusArea> focusAreas) {
        if (in.focusAreaTargets() == null) {
            return false;
        }
        boolean changed = false;
        Map<String, FocusAreaTarget> existing = new HashMap<>();
        for (FocusAreaTarget t : FocusAreaTarget.listForProgramme()) {
            existing.put(t.focusAreaCode, t);
        }
        for (String code : focusAreas.keySet()) {
            FocusAreaTarget t = existing.get(code);
            Long w = in.focusAreaTargets().get(code);
            if (t == null && w != null) {
                t = new FocusAreaTarget();
                t.programmeId = Programme.THE_ID;
                t.focusAreaCode = code;
                t.target = w.intValue();
                t.persist();
                var diff = ChangeLog.diff().field("focusArea", null, code).field("target", null, t.target);
                changeLog.record("focus_area_target", t.id, "created", null, null, diff);
                changed = true;
            } else if (t != null && w == null) {
                var diff = ChangeLog.diff().field("focusArea", code, null).field("target", t.target, null);
                changeLog.record("focus_area_target", t.id, "deleted", null, null, diff);
                t.delete();
                changed = true;
            } else if (t != null && w.intValue() != t.target) {
                var diff = ChangeLog.diff().field("target", t.target, w.intValue());
                diff.fields().add(0, new ChangeField("focusArea", code, code));
                t.target = w.intValue();
                changeLog.record("focus_area_target", t.id, "updated", null, null, diff);
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
