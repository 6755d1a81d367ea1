package no.hallingdal.jobbmal.export;

import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.ReferenceCodes;
import no.hallingdal.jobbmal.programme.ProgrammeScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an export holds: one programme's results, of one of its periods (its dates) or all of them, narrowed by
 * optional filters. Codes are validated; municipality accepts either code.
 */
public record ExportFilter(long programmeId, String period, LocalDate periodStart, LocalDate periodEnd,
        LocalDate from, LocalDate to, Integer year, String municipality, String focusArea, Long focusAreaId,
        String kind, String status) {

    static final Set<String> KINDS = Set.of("NEW_JOBS", "SECURED_JOBS", "NEW_COMPANY");
    static final Set<String> STATUSES = Set.of("PENDING", "APPROVED", "RETURNED", "WITHDRAWN");

    /** Parses the query parameters; bad ones end the request with 400 naming the parameter. */
    public static ExportFilter parse(ProgrammeScope.PeriodChoice choice, String from, String to, String year,
            String municipality, String focusArea, String kind, String status) {
        long programmeId = choice.programme().id;
        Errors errors = new Errors();
        LocalDate f = Inputs.date(from, "from", errors);
        LocalDate t = Inputs.date(to, "to", errors);
        if (f != null && t != null && t.isBefore(f)) {
            errors.add("to", "export.error.toBeforeFrom");
        }
        Integer y = Inputs.year(year, "year", errors);
        String m = ReferenceCodes.municipality(municipality, "municipality", errors);
        String fa = ReferenceCodes.focusArea(programmeId, focusArea, "focusArea", errors);
        String k = Inputs.text(kind);
        if (k != null && !KINDS.contains(k)) {
            errors.add("kind", "export.error.kind", k);
        }
        String s = Inputs.text(status);
        if (s != null && !STATUSES.contains(s)) {
            errors.add("status", "export.error.status", s);
        }
        errors.throwIfAny();
        Long faId = fa == null ? null : FocusArea.findByCode(programmeId, fa).map(x -> x.id).orElseThrow();
        return new ExportFilter(programmeId, choice.param(), choice.whole() ? null : choice.period().startDate,
                choice.whole() ? null : choice.period().endDate, f, t, y, m, fa, faId, k, s);
    }

    /** The WHERE conditions on table alias {@code r}, with positional parameters in order. */
    String where(List<Object> params) {
        List<String> c = new ArrayList<>();
        c.add("r.programme_id = ?");
        params.add(programmeId);
        if (periodStart != null) {
            c.add("r.result_date BETWEEN ? AND ?");
            params.add(java.sql.Date.valueOf(periodStart));
            params.add(java.sql.Date.valueOf(periodEnd));
        }
        if (from != null) {
            c.add("r.result_date >= ?");
            params.add(java.sql.Date.valueOf(from));
        }
        if (to != null) {
            c.add("r.result_date <= ?");
            params.add(java.sql.Date.valueOf(to));
        }
        if (year != null) {
            c.add("r.result_year = ?");
            params.add(year);
        }
        if (municipality != null) {
            c.add("r.municipality_code = ?");
            params.add(municipality);
        }
        if (focusAreaId != null) {
            c.add("r.focus_area_id = ?");
            params.add(focusAreaId);
        }
        if (kind != null) {
            c.add("r.kind = ?");
            params.add(kind);
        }
        if (status != null) {
            c.add("r.status = ?");
            params.add(status);
        }
        return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
    }

    /** The filters as text for the log and the file name. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", ProgrammeScope.ALL_PERIODS.equals(period) ? null : period);
        m.put("from", from);
        m.put("to", to);
        m.put("year", year);
        m.put("municipality", municipality);
        m.put("focusArea", focusArea);
        m.put("kind", kind);
        m.put("status", status);
        m.values().removeIf(v -> v == null);
        return m;
    }

    /** e.g. "2024", "2024-3324", "2023-01-01_2023-06-30", or "alle". */
    public String fileSuffix() {
        List<String> parts = new ArrayList<>();
        if (!ProgrammeScope.ALL_PERIODS.equals(period)) {
            parts.add("periode" + period);
        }
        if (year != null) {
            parts.add(String.valueOf(year));
        }
        if (from != null || to != null) {
            parts.add((from == null ? "" : from.toString()) + "_" + (to == null ? "" : to.toString()));
        }
        if (municipality != null) {
            parts.add(municipality);
        }
        if (focusArea != null) {
            parts.add(focusArea);
        }
        if (kind != null) {
            parts.add(kind.toLowerCase().replace('_', '-'));
        }
        if (status != null) {
            parts.add(status.toLowerCase());
        }
        return parts.isEmpty() ? "alle" : String.join("-", parts);
    }
}
