package no.hallingdal.jobbmal.export;

import no.hallingdal.jobbmal.common.CodedEnum;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.ReferenceCodes;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import no.hallingdal.jobbmal.result.ResultKind;
import no.hallingdal.jobbmal.result.ResultStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What an export holds: one programme's results, of one of its periods (its dates) or all of them, narrowed by
 * optional filters. Codes are validated; municipality accepts either code.
 */
public record ExportFilter(long programmeId, String period, LocalDate periodStart, LocalDate periodEnd,
        LocalDate from, LocalDate to, Integer year, String municipality, String focusArea, Long focusAreaId,
        String kind, String status) {

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
        String k = code(ResultKind.class, kind, "kind", "export.error.kind", errors);
        String s = code(ResultStatus.class, status, "status", "export.error.status", errors);
        errors.throwIfAny();
        Long faId = fa == null ? null : FocusArea.findByCode(programmeId, fa).map(x -> x.id).orElseThrow();
        return new ExportFilter(programmeId, choice.param(), choice.whole() ? null : choice.period().startDate,
                choice.whole() ? null : choice.period().endDate, f, t, y, m, fa, faId, k, s);
    }

    /** The code of the enum constant {@code value} names (any case), or null; an unknown one is an error. */
    private static <E extends Enum<E> & CodedEnum> String code(Class<E> type, String value, String field, String key,
            Errors errors) {
        String v = Inputs.text(value);
        return v == null ? null : CodedEnum.fromCode(type, v).map(CodedEnum::code).orElseGet(() -> {
            errors.add(field, key, v);
            return null;
        });
    }

    /** The WHERE conditions on table alias {@code r}, with positional parameters in order. */
    String where(List<Object> params) {
        List<String> c = new ArrayList<>();
        when(c, params, "r.programme_id = ?", programmeId);
        when(c, params, "r.result_date >= ?", periodStart == null ? null : java.sql.Date.valueOf(periodStart));
        when(c, params, "r.result_date <= ?", periodEnd == null ? null : java.sql.Date.valueOf(periodEnd));
        when(c, params, "r.result_date >= ?", from == null ? null : java.sql.Date.valueOf(from));
        when(c, params, "r.result_date <= ?", to == null ? null : java.sql.Date.valueOf(to));
        when(c, params, "r.result_year = ?", year);
        when(c, params, "r.municipality_code = ?", municipality);
        when(c, params, "r.focus_area_id = ?", focusAreaId);
        when(c, params, "r.kind = ?", kind);
        when(c, params, "r.status = ?", status);
        return " WHERE " + String.join(" AND ", c);
    }

    private static void when(List<String> conditions, List<Object> params, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.add(value);
        }
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
        List<String> parts = Stream.of(ProgrammeScope.ALL_PERIODS.equals(period) ? null : "periode" + period,
                year == null ? null : String.valueOf(year),
                from == null && to == null ? null : (from == null ? "" : from) + "_" + (to == null ? "" : to),
                municipality, focusArea, kind == null ? null : kind.toLowerCase().replace('_', '-'),
                status == null ? null : status.toLowerCase()).filter(Objects::nonNull).toList();
        return parts.isEmpty() ? "alle" : String.join("-", parts);
    }
}
