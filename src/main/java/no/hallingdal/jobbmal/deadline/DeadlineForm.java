package no.hallingdal.jobbmal.deadline;

import jakarta.ws.rs.core.MultivaluedMap;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;

/** The deadline form's fields as typed (kept when the form is shown again) and their parsing. */
public record DeadlineForm(String dueDate, String title, String note, String version) {

    public static DeadlineForm empty() {
        return new DeadlineForm("", "", "", "");
    }

    public static DeadlineForm of(Deadline d) {
        return new DeadlineForm(d.dueDate.toString(), d.title, d.note == null ? "" : d.note, String.valueOf(d.version));
    }

    public static DeadlineForm of(MultivaluedMap<String, String> f) {
        return new DeadlineForm(value(f, "dueDate"), value(f, "title"), value(f, "note"), value(f, "version"));
    }

    /** The input; a date or version that cannot be read is an error at its field. */
    public DeadlineInput parse(Errors errors) {
        return new DeadlineInput(Inputs.date(dueDate, "dueDate", errors), title, note,
                Inputs.integer(version, "version", errors));
    }

    private static String value(MultivaluedMap<String, String> f, String name) {
        String v = f.getFirst(name);
        return v == null ? "" : v;
    }
}
