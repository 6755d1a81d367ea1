package no.hallingdal.jobbmal.dashboard;

/**
 * The scope of progress figures: all optional. {@code municipality} is a current municipality code,
 * {@code focusArea} a focus-area code, {@code projectId} limits to one project.
 */
public record ProgressFilter(Integer year, String municipality, String focusArea, Long projectId) {

    public static final ProgressFilter ALL = new ProgressFilter(null, null, null, null);

    public boolean isEmpty() {
        return year == null && municipality == null && focusArea == null && projectId == null;
    }
}
