package no.hallingdal.jobbmal.dashboard;

import jakarta.inject.Inject;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.common.RequestLocale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/progress}: every progress figure of a programme's period, optionally filtered. */
@Path("/api/v1/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
public class ProgressApi {

    @Inject
    ProgressService service;

    @Inject
    ProgressFilters filters;

    @Inject
    RequestLocale locale;

    @Inject
    ProgrammeScope scope;

    @GET
    @Operation(summary = "Progress toward the goal of a programme's period (parameters programme: its code, optional "
            + "while the instance has one programme; period: its index from 1 or 'all', by default the running period, "
            + "else the last ended): counted, pending, forecast, state, status and breakdowns")
    public Progress progress(@QueryParam("year") String year, @QueryParam("municipality") String municipality,
            @QueryParam("focusArea") String focusArea, @QueryParam("project") String project) {
        return service.progress(filters.parse(scope.period(), year, municipality, focusArea, project), locale.get());
    }
}
