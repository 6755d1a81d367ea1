package no.hallingdal.jobbmal.programme;

import jakarta.ws.rs.core.MultivaluedMap;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.municipality.FocusArea;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The period form as text, so a refused form is shown again exactly as typed: name, dates, goal, one annual target
 * per year of the period ({@code annualTargets.2025}) and an optional target per focus area
 * ({@code focusAreaTargets.innovasjon}). The programme's version guards against lost updates.
 */
public class PeriodForm {

    public static final String ANNUAL = "annualTargets.";
    public static final String FOCUS = "focusAreaTargets.";
    /** The length a new period is suggested with: the usual three years. */
    static final int SUGGESTED_YEARS = 3;

    public String name;
    public String start;
    public String end;
    public String goal;
    public String version;
    public final List<ProgrammeForm.Row> annualTargets = new ArrayList<>();
    public final List<ProgrammeForm.Row> focusAreaTargets = new ArrayList<>();

    /** The form of a stored period. */
    public static PeriodForm of(Period p, List<FocusArea> areas, long version, Locale locale) {
        PeriodForm f = new PeriodForm();
        f.name = p.name;
        f.start = p.startDate.toString();
        f.end = p.endDate.toString();
        f.goal = String.valueOf(p.goal);
        f.version = String.valueOf(version);
        for (int y : p.years()) {
            f.annualTargets.add(new ProgrammeForm.Row(ANNUAL + y, String.valueOf(y), String.valueOf(p.annualTarget(y))));
        }
        Map<Long, Integer> targets = new LinkedHashMap<>();
        p.focusAreaTargets.forEach(t -> targets.put(t.focusArea.id, t.target));
        for (FocusArea a : areas) {
            Integer t = targets.get(a.id);
            f.focusAreaTargets.add(new ProgrammeForm.Row(FOCUS + a.code, a.name(locale), t == null ? "" : String.valueOf(t)));
        }
        return f;
    }

    /**
     * The form of a new period: named after its place, starting the day after the last period ends (or on the
     * first of next January) and running three years.
     */
    public static PeriodForm suggested(Programme p, List<FocusArea> areas, String name, LocalDate today, Locale locale) {
        PeriodForm f = new PeriodForm();
        LocalDate start = p.periods.isEmpty() ? LocalDate.of(today.getYear() + 1, 1, 1) : p.last().plusDays(1);
        LocalDate end = start.plusYears(SUGGESTED_YEARS).minusDays(1);
        f.name = name;
        f.start = start.toString();
        f.end = end.toString();
        f.goal = "";
        f.version = String.valueOf(p.version);
        for (int y = start.getYear(); y <= end.getYear(); y++) {
            f.annualTargets.add(new ProgrammeForm.Row(ANNUAL + y, String.valueOf(y), ""));
        }
        for (FocusArea a : areas) {
            f.focusAreaTargets.add(new ProgrammeForm.Row(FOCUS + a.code, a.name(locale), ""));
        }
        return f;
    }

    /** The submitted form, as typed. */
    public static PeriodForm of(MultivaluedMap<String, String> form, List<FocusArea> areas, Locale locale) {
        PeriodForm f = new PeriodForm();
        f.name = form.getFirst("name");
        f.start = form.getFirst("start");
        f.end = form.getFirst("end");
        f.goal = form.getFirst("goal");
        f.version = form.getFirst("version");
        Map<Integer, String> years = new TreeMap<>();
        for (String key : form.keySet()) {
            Integer year = year(key);
            if (year != null) {
                years.put(year, form.getFirst(key));
            }
        }
        years.forEach((y, v) -> f.annualTargets.add(new ProgrammeForm.Row(ANNUAL + y, String.valueOf(y), v)));
        for (FocusArea a : areas) {
            String v = form.getFirst(FOCUS + a.code);
            f.focusAreaTargets.add(new ProgrammeForm.Row(FOCUS + a.code, a.name(locale), v == null ? "" : v));
        }
        return f;
    }

    /** Reads the submitted form into an input, recording what cannot be parsed. */
    public static PeriodInput parse(MultivaluedMap<String, String> form, Errors errors) {
        Map<Integer, Long> annual = new TreeMap<>();
        Map<String, Long> focus = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            Integer year = year(key);
            if (year != null) {
                Long t = Inputs.integer(form.getFirst(key), key, errors);
                if (t != null) {
                    annual.put(year, t);
                }
            } else if (key.startsWith(FOCUS)) {
                focus.put(key.substring(FOCUS.length()), Inputs.integer(form.getFirst(key), key, errors));
            }
        }
        return new PeriodInput(Inputs.text(form.getFirst("name")), Inputs.date(form.getFirst("start"), "start", errors),
                Inputs.date(form.getFirst("end"), "end", errors), Inputs.integer(form.getFirst("goal"), "goal", errors),
                annual, focus);
    }

    /** The programme's version the form was made from; null (and an error) when unreadable. */
    public static Long version(MultivaluedMap<String, String> form, Errors errors) {
        return Inputs.integer(form.getFirst("version"), "version", errors);
    }

    private static Integer year(String key) {
        if (!key.startsWith(ANNUAL)) {
            return null;
        }
        try {
            return Integer.parseInt(key.substring(ANNUAL.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
