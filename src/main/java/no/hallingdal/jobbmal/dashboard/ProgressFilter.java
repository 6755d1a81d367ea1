package no.hallingdal.jobbmal.dashboard;

/**
 * The scope of progress figures: a programme, one of its periods ({@code period}, its index from 1) or the whole
 * programme ({@link #WHOLE}), and optional filters: a year, a current municipality code, a focus-area code, a
 * project.
 */
public record ProgressFilter(long programmeId, int period, Integer year, String municipality, String focusArea,
        Long projectId) {

    /** The {@code period} of the whole programme: every period together. */
    public static final int WHOLE = 0;

    /** The whole of a period (or of the programme), without filters. */
    public static ProgressFilter of(long programmeId, int period) {
        return new ProgressFilter(programmeId, period, null, null, null, null);
    }

    public ProgressFilter withYear(Integer y) {
        return new ProgressFilter(programmeId, period, y, municipality, focusArea, projectId);
    }

    public ProgressFilter withMunicipality(String m) {
        return new ProgressFilter(programmeId, period, year, m, focusArea, projectId);
    }

    public ProgressFilter withProject(Long p) {
        return new ProgressFilter(programmeId, period, year, municipality, focusArea, p);
    }

    public ProgressFilter withPeriod(int p) {
        return new ProgressFilter(programmeId, p, year, municipality, focusArea, projectId);
    }

    public boolean whole() {
        return period == WHOLE;
    }

    /** Whether no filter narrows the period. */
    public boolean isEmpty() {
        return year == null && municipality == null && focusArea == null && projectId == null;
    }
}
