package no.hallingdal.jobbmal.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.project.Project;

/** Reads the filter query parameters shared by the dashboard page and the progress API. */
@ApplicationScoped
public class ProgressFilters {

    public ProgressFilter parse(String year, String municipality, String focusArea, String project) {
        Errors errors = new Errors();
        Long y = Inputs.integer(year, "year", errors);
        if (y != null && (y < 1900 || y > 2200)) {
            errors.add("year", "error.integer");
        }
        String m = null;
        if (Inputs.text(municipality) != null) {
            m = Municipality.findByAnyCode(municipality).map(x -> x.code).orElse(null);
            if (m == null) {
                errors.add("municipality", "error.unknown.municipality", municipality);
            }
        }
        String f = null;
        if (Inputs.text(focusArea) != null) {
            f = FocusArea.findByCode(focusArea).map(x -> x.code).orElse(null);
            if (f == null) {
                errors.add("focusArea", "error.unknown.focusarea", focusArea);
            }
        }
        Long p = Inputs.integer(project, "project", errors);
        errors.throwIfAny();
        if (p != null && Project.findById(p) == null) {
            throw new NotFoundException("error.notfound.page");
        }
        return new ProgressFilter(y == null ? null : y.intValue(), m, f, p);
    }
}
