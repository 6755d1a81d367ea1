package no.hallingdal.jobbmal.project;

import no.hallingdal.jobbmal.common.Inputs;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The project list page: the filter in force, the projects, their total, and sort links. */
public record ProjectListView(ProjectFilter filter, List<Project> projects, BigDecimal expectedNewJobs) {

    public String focusArea() {
        return value(filter.focusArea());
    }

    public String municipality() {
        return value(filter.municipality());
    }

    public String status() {
        return value(filter.status());
    }

    public String phase() {
        return value(filter.phase());
    }

    public String sort() {
        return filter.sort() == null ? "name" : filter.sort();
    }

    /** The link that sorts by {@code column}: ascending, or descending when already sorted ascending by it. */
    public String sortUrl(String column) {
        boolean desc = column.equals(sort()) && !filter.descending();
        StringBuilder sb = new StringBuilder("/projects?sort=").append(column).append("&dir=").append(desc ? "desc" : "asc");
        param(sb, "focusArea", filter.focusArea());
        param(sb, "municipality", filter.municipality());
        param(sb, "status", filter.status());
        param(sb, "phase", filter.phase());
        return sb.toString();
    }

    /** aria-sort value of a column header. */
    public String ariaSort(String column) {
        if (!column.equals(sort())) {
            return "none";
        }
        return filter.descending() ? "descending" : "ascending";
    }

    public String sortMark(String column) {
        if (!column.equals(sort())) {
            return "";
        }
        return filter.descending() ? " ▼" : " ▲";
    }

    private static void param(StringBuilder sb, String name, String value) {
        String v = Inputs.text(value);
        if (v != null) {
            sb.append('&').append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
    }

    private static String value(String v) {
        String t = Inputs.text(v);
        return t == null ? "" : t;
    }
}
