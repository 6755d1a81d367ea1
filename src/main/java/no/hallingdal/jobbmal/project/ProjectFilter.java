package no.hallingdal.jobbmal.project;

/**
 * Filters and sort order of the project list (page and API). Values are codes as given; unknown codes
 * are refused by {@link ProjectService#list}. {@code sort} is one of {@link ProjectService#SORTS}.
 */
public record ProjectFilter(String focusArea, String municipality, String status, String phase, String sort,
        String dir) {

    public static ProjectFilter none() {
        return new ProjectFilter(null, null, null, null, null, null);
    }

    public boolean descending() {
        return "desc".equalsIgnoreCase(dir);
    }
}
