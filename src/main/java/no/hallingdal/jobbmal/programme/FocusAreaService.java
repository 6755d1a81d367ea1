package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.history.ChangeLog;
import no.hallingdal.jobbmal.municipality.FocusArea;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A programme's focus areas (innsatsområder): add, rename, reorder, remove (docs/rules.md, "Focus areas"). The
 * code is the programme's own, unique within it and fixed once made (the county's spreadsheets use it); a focus
 * area that a project or a result uses cannot be removed. Changes are recorded in the programme's history.
 */
@ApplicationScoped
@TemplateData(namespace = TemplateData.SIMPLENAME)
public class FocusAreaService {

    public static final int CODE_MAX = 40;
    public static final int NAME_MAX = 100;
    public static final int ORDER_MAX = 10_000;
    /** Lower-case letters a–z, digits and single hyphens between them, e.g. {@code kultur-samfunn}. */
    static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Inject
    ChangeLog changeLog;

    @Inject
    DataVersion dataVersion;

    @Inject
    ProgrammeAccess access;

    /** A focus area as the page or the API gives it; {@code sortOrder} null puts a new one last. */
    public record FocusAreaInput(String code, String nameNb, String nameEn, Long sortOrder) {
    }

    /** A focus area with the number of the programme's projects and results that use it. */
    public record Row(FocusArea area, long projects, long results) {
        public boolean inUse() {
            return projects > 0 || results > 0;
        }
    }

    /** The programme's focus areas in order, with their use; for whoever may administer it. */
    public List<Row> rows(Programme p) {
        access.requireAdministration(p);
        Map<Long, Long> projects = usage("project", p.id);
        Map<Long, Long> results = usage("result", p.id);
        return FocusArea.listFor(p.id).stream()
                .map(f -> new Row(f, projects.getOrDefault(f.id, 0L), results.getOrDefault(f.id, 0L))).toList();
    }

    /** The focus area with this code; 404 when the programme has none. */
    public FocusArea get(Programme p, String code) {
        access.requireAdministration(p);
        return FocusArea.findByCode(p.id, code).orElseThrow(() -> new NotFoundException("focusArea.notfound"));
    }

    @Transactional
    public FocusArea add(Programme p, FocusAreaInput in, Errors errors) {
        access.requireAdministration(p);
        List<FocusArea> existing = FocusArea.listFor(p.id);
        validate(in, "", true, errors);
        if (!errors.has("code") && existing.stream().anyMatch(f -> f.code.equals(in.code()))) {
            errors.add("code", "focusArea.error.codeTaken", in.code());
        }
        errors.throwIfAny();
        int order = in.sortOrder() != null ? in.sortOrder().intValue()
                : existing.stream().mapToInt(f -> f.sortOrder).max().orElse(0) + 1;
        FocusArea f = create(p, in, order);
        dataVersion.bump();
        return f;
    }

    /** Renames or reorders the focus area {@code code} (the code itself stays). */
    @Transactional
    public FocusArea update(Programme p, String code, FocusAreaInput in, Errors errors) {
        access.requireAdministration(p);
        FocusArea f = FocusArea.findByCode(p.id, code).orElseThrow(() -> new NotFoundException("focusArea.notfound"));
        validate(in, "", false, errors);
        errors.throwIfAny();
        if (change(p, f, in, in.sortOrder() == null ? f.sortOrder : in.sortOrder().intValue())) {
            dataVersion.bump();
        }
        return f;
    }

    /** Removes the focus area {@code code} with its targets; 400 when a project or a result uses it. */
    @Transactional
    public void remove(Programme p, String code) {
        access.requireAdministration(p);
        FocusArea f = FocusArea.findByCode(p.id, code).orElseThrow(() -> new NotFoundException("focusArea.notfound"));
        Errors errors = new Errors();
        checkUnused(f, "code", errors);
        errors.throwIfAny();
        delete(p, f);
        dataVersion.bump();
    }

    /** The input rules of a focus area, on fields {@code prefix + "code"}, {@code prefix + "nameNb"}, … */
    static void validate(FocusAreaInput in, String prefix, boolean withCode, Errors errors) {
        if (withCode) {
            String code = in.code();
            if (code == null || code.isBlank()) {
                if (!errors.has(prefix + "code")) {
                    errors.add(prefix + "code", "error.required");
                }
            } else if (code.length() > CODE_MAX || !CODE.matcher(code).matches()) {
                errors.add(prefix + "code", "focusArea.error.code", CODE_MAX);
            }
        }
        name(errors, prefix + "nameNb", in.nameNb());
        name(errors, prefix + "nameEn", in.nameEn());
        if (in.sortOrder() != null && (in.sortOrder() < 0 || in.sortOrder() > ORDER_MAX)) {
            errors.add(prefix + "sortOrder", "focusArea.error.order", ORDER_MAX);
        }
    }

    private static void name(Errors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            if (!errors.has(field)) {
                errors.add(field, "error.required");
            }
        } else if (value.length() > NAME_MAX) {
            errors.add(field, "error.toolong", NAME_MAX);
        }
    }

    /**
     * Validates a programme document's focus areas (all of them, in order): codes unique within the list, and a
     * focus area missing from it not in use. {@code null} leaves them as they are.
     */
    static void validateAll(Programme p, List<FocusAreaInput> wanted, Errors errors) {
        if (wanted == null) {
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            FocusAreaInput in = wanted.get(i);
            String prefix = "focusAreas[" + i + "].";
            if (in == null) {
                errors.add("focusAreas[" + i + "]", "error.required");
                continue;
            }
            validate(in, prefix, true, errors);
            if (in.code() != null && !codes.add(in.code())) {
                errors.add(prefix + "code", "focusArea.error.codeTaken", in.code());
            }
        }
        if (p != null) {
            for (FocusArea f : FocusArea.listFor(p.id)) {
                if (!codes.contains(f.code)) {
                    checkUnused(f, "focusAreas", errors);
                }
            }
        }
    }

    /**
     * Makes the programme's focus areas those of the (validated) list, in its order: new codes are added, missing
     * ones removed, the others renamed. Whether anything changed.
     */
    boolean replaceAll(Programme p, List<FocusAreaInput> wanted) {
        if (wanted == null) {
            return false;
        }
        Map<String, FocusArea> existing = new HashMap<>();
        FocusArea.listFor(p.id).forEach(f -> existing.put(f.code, f));
        boolean changed = false;
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            FocusAreaInput in = wanted.get(i);
            FocusArea f = existing.get(in.code());
            if (f == null) {
                create(p, in, i + 1);
                changed = true;
            } else {
                changed |= change(p, f, in, i + 1);
            }
            kept.add(in.code());
        }
        for (FocusArea f : new ArrayList<>(existing.values())) {
            if (!kept.contains(f.code)) {
                delete(p, f);
                changed = true;
            }
        }
        return changed;
    }

    private FocusArea create(Programme p, FocusAreaInput in, int order) {
        FocusArea f = new FocusArea();
        f.programmeId = p.id;
        f.code = in.code();
        f.nameNb = in.nameNb().strip();
        f.nameEn = in.nameEn().strip();
        f.sortOrder = order;
        f.persist();
        changeLog.record(p.id, "focus_area", f.id, "created", null, null, ChangeLog.diff()
                .field("code", null, f.code).field("nameNb", null, f.nameNb).field("nameEn", null, f.nameEn)
                .field("sortOrder", null, f.sortOrder));
        return f;
    }

    private boolean change(Programme p, FocusArea f, FocusAreaInput in, int order) {
        var diff = ChangeLog.diff().field("nameNb", f.nameNb, in.nameNb().strip())
                .field("nameEn", f.nameEn, in.nameEn().strip()).field("sortOrder", f.sortOrder, order);
        if (diff.isEmpty()) {
            return false;
        }
        diff.fields().add(0, new no.hallingdal.jobbmal.history.ChangeField("code", f.code, f.code));
        f.nameNb = in.nameNb().strip();
        f.nameEn = in.nameEn().strip();
        f.sortOrder = order;
        changeLog.record(p.id, "focus_area", f.id, "updated", null, null, diff);
        return true;
    }

    /** Removes the focus area and the periods' targets for it (recorded). */
    private void delete(Programme p, FocusArea f) {
        Programme managed = Programme.findById(p.id);
        for (Period period : managed.periods) {
            period.focusAreaTargets.removeIf(t -> {
                if (!t.focusArea.id.equals(f.id)) {
                    return false;
                }
                changeLog.record(p.id, "focus_area_target", t.id, "deleted", null, null, ChangeLog.diff()
                        .field("focusArea", f.code, null).field("target", t.target, null));
                return true;
            });
        }
        Panache.getEntityManager().flush();
        changeLog.record(p.id, "focus_area", f.id, "deleted", null, null, ChangeLog.diff()
                .field("code", f.code, null).field("nameNb", f.nameNb, null).field("nameEn", f.nameEn, null));
        f.delete();
    }

    /** A focus area in use by a project or a result of its programme cannot be removed: an error on {@code field}. */
    static void checkUnused(FocusArea f, String field, Errors errors) {
        long projects = count("SELECT COUNT(*) FROM project WHERE focus_area_id = ?1", f.id);
        long results = count("SELECT COUNT(*) FROM result WHERE focus_area_id = ?1", f.id);
        if (projects > 0 || results > 0) {
            errors.add(field, "focusArea.error.inUse", f.code, projects, results);
        }
    }

    private static long count(String sql, long id) {
        return ((Number) Panache.getEntityManager().createNativeQuery(sql).setParameter(1, id).getSingleResult())
                .longValue();
    }

    /** How many rows of {@code table} (project or result) of the programme use each focus area. */
    private static Map<Long, Long> usage(String table, long programmeId) {
        Map<Long, Long> m = new HashMap<>();
        List<?> rows = Panache.getEntityManager().createNativeQuery("SELECT focus_area_id, COUNT(*) FROM " + table
                + " WHERE programme_id = ?1 GROUP BY focus_area_id").setParameter(1, programmeId).getResultList();
        for (Object r : rows) {
            Object[] a = (Object[]) r;
            m.put(((Number) a[0]).longValue(), ((Number) a[1]).longValue());
        }
        return m;
    }
}
