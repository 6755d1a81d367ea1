package no.hallingdal.jobbmal.programme;

/**
 * The field names a period's errors are reported on: the period page's, the wave-1 programme page's and API's
 * ({@code periodStart}, no name) and the programmes API's ({@code periods[0].start}).
 */
public record PeriodFields(String name, String start, String end, String goal, String annual, String focus) {

    public static final PeriodFields PAGE = new PeriodFields("name", "start", "end", "goal", "annualTargets.",
            "focusAreaTargets.");

    public static final PeriodFields WAVE1 = new PeriodFields(null, "periodStart", "periodEnd", "goal",
            "annualTargets.", "focusAreaTargets.");

    /** The fields of the period at {@code index} (from 0) of a programme document. */
    public static PeriodFields api(int index) {
        String p = "periods[" + index + "].";
        return new PeriodFields(p + "name", p + "start", p + "end", p + "goal", p + "annualTargets.",
                p + "focusAreaTargets.");
    }
}
