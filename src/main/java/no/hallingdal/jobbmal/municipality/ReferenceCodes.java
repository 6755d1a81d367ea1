package no.hallingdal.jobbmal.municipality;

import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;

/** Reads municipality and focus-area codes given as filter parameters; an unknown code is a field error. */
public final class ReferenceCodes {

    private ReferenceCodes() {
    }

    /** The current municipality code for a current or 2020–2023 code; null when empty or unknown. */
    public static String municipality(String raw, String field, Errors errors) {
        if (Inputs.text(raw) == null) {
            return null;
        }
        String code = Municipality.findByAnyCode(raw).map(m -> m.code).orElse(null);
        if (code == null) {
            errors.add(field, "error.unknown.municipality", raw);
        }
        return code;
    }

    /** The programme's focus-area code; null when empty or unknown. */
    public static String focusArea(long programmeId, String raw, String field, Errors errors) {
        if (Inputs.text(raw) == null) {
            return null;
        }
        String code = FocusArea.findByCode(programmeId, raw).map(f -> f.code).orElse(null);
        if (code == null) {
            errors.add(field, "error.unknown.focusarea", raw);
        }
        return code;
    }
}
