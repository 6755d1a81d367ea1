package no.hallingdal.jobbmal.result;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters, sort and page of the results list (the page and {@code GET /api/v1/results} take the same
 * query parameters). Unknown values are ignored by {@link ResultService#search}, except that they match
 * nothing.
 */
public record ResultFilter(Long project, String municipality, String focusArea, String kind, String status,
        Integer year, String sort, int page, int size) {

    public static final int PAGE_SIZE = 50;
    public static final List<String> SORTS = List.of("date-desc", "date-asc", "amount-desc", "amount-asc");

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
