package no.hallingdal.jobbmal.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.municipality.ReferenceCodes;
import no.hallingdal.jobbmal.project.Project;

/** Reads the filter query parameters shared by the dashboard page and the progress API. */
@ApplicationScoped
public class ProgressFilters {

    public ProgressFilter parse(String year, String municipality, String focusArea, String project) {
        Errors errors = new Errors();
        Integer y = Inputs.year(year, "year", errors);
        String m = ReferenceCodes.municipality(municipality, "municipality", errors);
        String f = ReferenceCodes.focusArea(focusArea, "focusArea", errors);
        Long p = Inputs.integer(project, "project", errors);
        errors.throwIfAny();
        if (p != null && Project.findById(p) == null) {
            throw new NotFoundException("error.notfound.page");
        }
        return new ProgressFilter(y, m, f, p);
    }
}
