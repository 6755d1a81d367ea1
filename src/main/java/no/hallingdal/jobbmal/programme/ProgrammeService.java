package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.history.ChangeEvent;
import no.hallingdal.jobbmal.history.ChangeLog;
import no.hallingdal.jobbmal.municipality.FocusArea;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
    /** What the programme's history shows: every change of its administration. */
    public static final List<String> HISTORY_TYPES = List.of("programme", "period", "annual_target",
            "focus_area_target", "focus_area", "membership");

    @Inject
    ChangeLog changeLog;

    @Inject
    DataVersion dataVersion;

    @Inject
    ProgrammeAccess access;

    @Inject
    Clock clock;

    @Inject
    PeriodService periods;

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

    /** Changes per page of the history page. */
    public static final int HISTORY_PAGE = 100;

    /** One page (from 1) of the programme's history, newest first, and whether an older page follows. */
    public record HistoryPage(List<ChangeEvent> events, int page, boolean hasNext) {
    }

    /** Every change of the programme's administration, a page at a time (its admin or a system administrator). */
    @Transactional
    public HistoryPage historyPage(Programme p, int page) {
        access.requireAdministration(p);
        int from = (page - 1) * HISTORY_PAGE;
        List<ChangeEvent> events = new ArrayList<>(ChangeEvent.<ChangeEvent>find(
                "programmeId = ?1 and entityType in ?2 order by changedAt desc, id desc", p.id, HISTORY_TYPES)
                .range(from, from + HISTORY_PAGE).list());
        boolean hasNext = events.size() > HISTORY_PAGE;
        if (hasNext) {
            events.remove(HISTORY_PAGE);
        }
        events.forEach(e -> e.fields.size());
        return new HistoryPage(events, page, hasNext);
    }

    static List<ProgrammeView.Warning> warnings(Period p, List<AnnualTarget> annual, Map<Long, Integer> focusTargets) {
        Integer focusSum = focusTargets.isEmpty() ? null
                : focusTargets.values().stream().mapToInt(Integer::intValue).sum();
        return Periods.targetWarnings(null, p.goal, annual.stream().mapToInt(t -> t.target).sum(), focusSum).stream()
                .map(w -> new ProgrammeView.Warning(w.code(), w.messageKey(), w.args())).toList();
    }

    /**
     * Validates and saves a change of the programme and its edited period with its targets (the wave-1 shape; the
     * programme's admin or a system administrator). The period's rules are {@link PeriodService}'s. Throws
     * ValidationException (nothing saved) or ConflictException when {@code in.version()} is not the current version.
     *
     * @param errors parse errors already found while reading the input
     */
    @Transactional
    public ProgrammeView update(Programme programme, ProgrammeInput in, Errors errors) {
        access.requireAdministration(programme);
        Programme p = Programme.findById(programme.id);
        Period period = editedPeriod(p);
        Map<String, FocusArea> focusAreas = PeriodService.focusAreas(p);
        text(errors, "name", in.name());
        text(errors, "region", in.region());
        text(errors, "owner", in.owner());
        text(errors, "county", in.county());
        PeriodInput periodInput = new PeriodInput(null, in.periodStart(), in.periodEnd(), in.goal(),
                in.annualTargets(), in.focusAreaTargets());
        periods.validate(periodInput, PeriodFields.WAVE1, focusAreas.keySet(), errors);
        PeriodService.required(in.version(), errors);
        if (period == null) {
            errors.add("periodStart", "programme.error.noPeriod");
        } else {
            PeriodService.checkOverlap(p, p.indexOf(period) - 1, periodInput, PeriodFields.WAVE1, errors);
        }
        errors.throwIfAny();
        PeriodService.checkVersion(p, in.version());

        var diff = ChangeLog.diff()
                .field("name", p.name, in.name())
                .field("region", p.region, in.region())
                .field("owner", p.owner, in.owner())
                .field("county", p.countyName, in.county());
        if (!diff.isEmpty()) {
            p.name = in.name();
            p.region = in.region();
            p.owner = in.owner();
            p.countyName = in.county();
            changeLog.record(p.id, "programme", p.id, "updated", null, null, diff);
        }
        boolean periodChanged = periods.change(p, period, periodInput, focusAreas, "updated");
        if (periodChanged && diff.isEmpty()) {
            // Only the period or its targets changed: still a new version of the programme, so a stale edit is refused.
            PeriodService.touch(p);
        }
        Panache.getEntityManager().flush();
        if (periodChanged || !diff.isEmpty()) {
            dataVersion.bump();
        }
        return view(p);
    }

    /** A required text of at most {@link #MAX_TEXT} characters. */
    static void text(Errors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            if (!errors.has(field)) {
                errors.add(field, "error.required");
            }
        } else if (value.length() > MAX_TEXT) {
            errors.add(field, "error.toolong", MAX_TEXT);
        }
    }
}
