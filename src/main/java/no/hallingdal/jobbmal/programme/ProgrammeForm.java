package no.hallingdal.jobbmal.programme;

import jakarta.ws.rs.core.MultivaluedMap;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The admin programme form as text, so a rejected form is shown again exactly as the user typed it. */
public class ProgrammeForm {

    public static final String ANNUAL = "annualTargets.";
    public static final String FOCUS = "focusAreaTargets.";

    public String name;
    public String region;
    public String owner;
    public String county;
    public String goal;
    public String periodStart;
    public String periodEnd;
    public String version;
    public final List<Row> annualTargets = new ArrayList<>();
    public final List<Row> focusAreaTargets = new ArrayList<>();

    /** One target input: its form name, its label (a year, or a focus-area name) and its text. */
    public record Row(String field, String label, String value) {
    }

    public static ProgrammeForm of(ProgrammeView view, Locale locale) {
        ProgrammeForm f = new ProgrammeForm();
        Programme p = view.programme();
        Period period = view.period();
        f.name = p.name;
        f.region = p.region;
        f.owner = p.owner;
        f.county = p.countyName;
        f.goal = period == null ? "" : String.valueOf(period.goal);
        f.periodStart = period == null ? "" : period.startDate.toString();
        f.periodEnd = period == null ? "" : period.endDate.toString();
        f.version = String.valueOf(p.version);
        for (AnnualTarget t : view.annualTargets()) {
            f.annualTargets.add(new Row(ANNUAL + t.year, String.valueOf(t.year), String.valueOf(t.target)));
        }
        for (var r : view.focusAreaTargets()) {
            f.focusAreaTargets.add(new Row(FOCUS + r.code(), r.name(locale),
                    r.target() == null ? "" : String.valueOf(r.target())));
        }
        return f;
    }

    /** The submitted form, keeping the focus-area labels of {@code view}. */
    public static ProgrammeForm of(MultivaluedMap<String, String> form, ProgrammeView view, Locale locale) {
        ProgrammeForm f = new ProgrammeForm();
        f.name = form.getFirst("name");
        f.region = form.getFirst("region");
        f.owner = form.getFirst("owner");
        f.county = form.getFirst("county");
        f.goal = form.getFirst("goal");
        f.periodStart = form.getFirst("periodStart");
        f.periodEnd = form.getFirst("periodEnd");
        f.version = form.getFirst("version");
        Map<Integer, String> years = new TreeMap<>();
        for (String key : form.keySet()) {
            if (key.startsWith(ANNUAL)) {
                try {
                    years.put(Integer.parseInt(key.substring(ANNUAL.length())), form.getFirst(key));
                } catch (NumberFormatException ignored) {
                    // not one of our inputs
                }
            }
        }
        years.forEach((y, v) -> f.annualTargets.add(new Row(ANNUAL + y, String.valueOf(y), v)));
        for (var r : view.focusAreaTargets()) {
            String v = form.getFirst(FOCUS + r.code());
            f.focusAreaTargets.add(new Row(FOCUS + r.code(), r.name(locale), v == null ? "" : v));
        }
        return f;
    }

    /** Reads the submitted form into an input, recording what cannot be parsed. */
    public static ProgrammeInput parse(MultivaluedMap<String, String> form, Errors errors) {
        Map<Integer, Long> annual = new TreeMap<>();
        Map<String, Long> focus = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (key.startsWith(ANNUAL)) {
                Integer year;
                try {
                    year = Integer.parseInt(key.substring(ANNUAL.length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                Long t = Inputs.integer(form.getFirst(key), key, errors);
                if (t != null) {
                    annual.put(year, t);
                }
            } else if (key.startsWith(FOCUS)) {
                String code = key.substring(FOCUS.length());
                focus.put(code, Inputs.integer(form.getFirst(key), key, errors));
            }
        }
        Long version = Inputs.integer(form.getFirst("version"), "version", errors);
        LocalDate start = Inputs.date(form.getFirst("periodStart"), "periodStart", errors);
        LocalDate end = Inputs.date(form.getFirst("periodEnd"), "periodEnd", errors);
        return new ProgrammeInput(Inputs.text(form.getFirst("name")), Inputs.text(form.getFirst("region")),
                Inputs.text(form.getFirst("owner")), Inputs.text(form.getFirst("county")),
                Inputs.integer(form.getFirst("goal"), "goal", errors), start, end, version, annual, focus);
    }
}
