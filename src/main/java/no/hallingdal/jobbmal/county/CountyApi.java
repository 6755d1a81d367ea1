package no.hallingdal.jobbmal.county;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.RequestLocale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/county/{countyCode}}: the county overview's rows, for the county's users and system admins. */
@Path("/api/v1/county")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "County")
@RolesAllowed({Role.COUNTY_CODE, Role.SYSTEM_ADMIN_CODE})
public class CountyApi {

    @Inject
    CountyOverview service;

    @Inject
    RequestLocale locale;

    @GET
    @Path("/{countyCode}")
    @Operation(summary = "Every period of every programme of a county (its fylkesnummer, e.g. 33), one row each in "
            + "programme-name and period order, with the figures of /api/v1/progress for that programme and period; "
            + "403 unless the caller is a county user of that county or a system administrator")
    public CountyOverview.Overview county(@PathParam("countyCode") String countyCode) {
        return service.overview(countyCode, locale.get());
    }
}
