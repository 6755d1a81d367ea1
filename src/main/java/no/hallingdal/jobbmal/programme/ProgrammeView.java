package no.hallingdal.jobbmal.programme;

import java.util.List;

/**
 * The programme as shown on the admin page and returned by the API: its fields, the period its pages edit
 * (the one the dashboard opens on), the annual targets of each year of that period, the focus-area targets that are set, and warnings (message key + arguments).
 */
public record ProgrammeView(Programme programme, Period period, List<AnnualTarget> annualTargets,
        List<FocusAreaTargetRow> focusAreaTargets, List<Warning> warnings) {

    /** One focus area with its target, or null when it has none. */
    public record FocusAreaTargetRow(String code, String nameNb, String nameEn, Integer target) {
        public String name(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameNb;
        }
    }

    /** A warning: a stable code for the API, a message key and its arguments for people. */
    public record Warning(String code, String messageKey, Object... args) {
    }

    public int annualSum() {
        return annualTargets.stream().mapToInt(t -> t.target).sum();
    }
}
