package no.hallingdal.jobbmal.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.municipality.ReferenceCodes;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import no.hallingdal.jobbmal.project.Project;

/** Reads the filter query parameters shared by the dashboard page and the progress API, within a programme's period. */
@ApplicationScoped
public class ProgressFilters {

    public ProgressFilter parse(ProgrammeScope.PeriodChoice choice, String year, String municipality,
            String focusArea, String project) {
        long programmeId = choice.programme().id;
        Errors errors = new Errors();
        Integer y = Inputs.year(year, "year", errors);
        String m = ReferenceCodes.municipality(municipality, "municipality", errors);
        String f = ReferenceCodes.focusArea(programmeId, focusArea, "focusArea", errors);
        Long p = Inputs.integer(project, "project", errors);
        errors.throwIfAny();
        if (p != null) {
            Project found = Project.findById(p);
            if (found == null || found.programme.id != programmeId) {
                throw new NotFoundException("error.notfound.page");
            }
        }
        return new ProgressFilter(programmeId, choice.index(), y, m, f, p);
    }
}
