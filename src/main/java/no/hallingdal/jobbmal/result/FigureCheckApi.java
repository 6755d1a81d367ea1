package no.hallingdal.jobbmal.result;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.programme.ProgrammeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/programmes/{code}/figures/check}: the check of the figures' aggregate ({@link FigureCheck}). */
@Path("/api/v1/programmes/{code}/figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes")
public class FigureCheckApi {

    @Inject
    FigureCheck check;

    @Inject
    ProgrammeService programmes;

    @POST
    @Path("check")
    @RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
    @Operation(summary = "Recompute the programme's figures from its results and correct the aggregate they are read "
            + "from (its admin or a system administrator); 'differences' is 0 when it was right")
    public FigureCheck.Report check(@PathParam("code") String code) {
        return check.check(programmes.get(code));
    }
}
