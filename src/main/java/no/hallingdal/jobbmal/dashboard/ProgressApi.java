package no.hallingdal.jobbmal.dashboard;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.common.RequestLocale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/progress}: every progress figure, optionally filtered. */
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

    @GET
    @Operation(summary = "Progress toward the goal: counted, pending, forecast, status and breakdowns")
    public Progress progress(@QueryParam("year") String year, @QueryParam("municipality") String municipality,
            @QueryParam("focusArea") String focusArea, @QueryParam("project") String project) {
        return service.progress(filters.parse(year, municipality, focusArea, project), locale.get());
    }
}
