package no.hallingdal.jobbmal.export;

import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.municipality.ReferenceCodes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The filters of every export, all optional. Codes are validated; municipality accepts either code. */
public record ExportFilter(LocalDate from, LocalDate to, Integer year, String municipality, String focusArea,
        String kind, String status) {

    static final Set<String> KINDS = Set.of("NEW_JOBS", "SECURED_JOBS", "NEW_COMPANY");
    static final Set<String> STATUSES = Set.of("PENDING", "APPROVED", "RETURNED", "WITHDRAWN");

    /** Parses the query parameters; bad ones end the request with 400 naming the parameter. */
    public static ExportFilter parse(String from, String to, String year, String municipality, String focusArea,
            String kind, String status) {
        Errors errors = new Errors();
        LocalDate f = Inputs.date(from, "from", errors);
        LocalDate t = Inputs.date(to, "to", errors);
        if (f != null && t != null && t.isBefore(f)) {
            errors.add("to", "export.error.toBeforeFrom");
        }
        Integer y = Inputs.year(year, "year", errors);
        String m = ReferenceCodes.municipality(municipality, "municipality", errors);
        String fa = ReferenceCodes.focusArea(focusArea, "focusArea", errors);
        String k = Inputs.text(kind);
        if (k != null && !KINDS.contains(k)) {
            errors.add("kind", "export.error.kind", k);
        }
        String s = Inputs.text(status);
        if (s != null && !STATUSES.contains(s)) {
            errors.add("status", "export.error.status", s);
        }
        errors.throwIfAny();
        return new ExportFilter(f, t, y, m, fa, k, s);
    }

    /** The WHERE conditions on table alias {@code r}, with positional parameters in order. */
    String where(List<Object> params) {
        List<String> c = new ArrayList<>();
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
        if (focusArea != null) {
            c.add("r.focus_area_code = ?");
            params.add(focusArea);
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
