package no.hallingdal.jobbmal.result;

import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters, sort and page of the results list (the page and {@code GET /api/v1/results} take the same
 * query parameters). Unknown codes match nothing ({@link ResultSearch#search}).
 */
public record ResultFilter(Long project, String municipality, String focusArea, String kind, String status,
        Integer year, String period, String sort, int page, int size) {

    /** The {@code period} of results dated outside every period of the programme; {@link #ALL} or absent: all. */
    public static final String OUTSIDE = "outside";
    public static final String ALL = "all";

    public static final int PAGE_SIZE = 50;
    /** The largest page size the API gives. */
    public static final int MAX_SIZE = 200;
    /** The highest page number accepted. */
    public static final int MAX_PAGE = 100_000;
    public static final List<String> SORTS = List.of("date-desc", "date-asc", "amount-desc", "amount-asc");

    /**
     * Reads the list's query parameters (the page and {@code GET /api/v1/results} take the same ones). A value
     * that is malformed or out of range adds an error to {@code errors} and is left out: the API answers 400
     * with them, the page shows the list without that filter.
     */
    public static ResultFilter parse(String project, String municipality, String focusArea, String kind,
            String status, String year, String period, String sort, String page, String size, Errors errors) {
        Long projectId = Inputs.integer(project, "project", errors);
        Integer y = Inputs.year(year, "year", errors);
        Long p = Inputs.integer(page, "page", errors);
        if (p != null && (p < 1 || p > MAX_PAGE)) {
            errors.add("page", "result.error.page");
            p = null;
        }
        Long s = Inputs.integer(size, "size", errors);
        if (s != null && (s < 1 || s > MAX_SIZE)) {
            errors.add("size", "result.error.size", MAX_SIZE);
            s = null;
        }
        String sortCode = Inputs.text(sort);
        if (sortCode != null && !SORTS.contains(sortCode)) {
            errors.add("sort", "result.error.sort", String.join(", ", SORTS));
            sortCode = null;
        }
        String periodCode = Inputs.text(period);
        if (periodCode != null && !ALL.equals(periodCode) && !OUTSIDE.equals(periodCode)
                && !periodCode.matches("[1-9][0-9]?")) {
            errors.add("period", "result.error.period");
            periodCode = null;
        }
        return new ResultFilter(projectId, Inputs.text(municipality), Inputs.text(focusArea), Inputs.text(kind),
                Inputs.text(status), y, periodCode, sortCode, p == null ? 1 : p.intValue(),
                s == null ? PAGE_SIZE : s.intValue());
    }

    public String sortOrDefault() {
        return sort != null && SORTS.contains(sort) ? sort : "date-desc";
    }

    /** The query string of these filters with another sort and page (for links in the list). */
    public String query(String newSort, int newPage) {
        List<String> p = new ArrayList<>();
        add(p, "project", project);
        add(p, "municipality", municipality);
        add(p, "focusArea", focusArea);
        add(p, "kind", kind);
        add(p, "status", status);
        add(p, "year", year);
        add(p, "period", period);
        add(p, "sort", newSort);
        if (newPage > 1) {
            add(p, "page", newPage);
        }
        return p.isEmpty() ? "" : "?" + String.join("&", p);
    }

    private static void add(List<String> p, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            p.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }
}
