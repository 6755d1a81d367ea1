package no.hallingdal.jobbmal.result;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/results/import}: CSV in either dialect as the request body. With
 * {@code dryRun=true} nothing is saved and the report says per row what would be created or what is
 * wrong; without it all rows are saved, or none when any is wrong (then 400 with the same report).
 */
@Path("/api/v1/results/import")
@Tag(name = "Results")
public class ResultImportApi {

    @Inject
    ResultImport importer;

    @Inject
    ProgrammeScope scope;

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    @Operation(summary = "Import results from CSV into a programme (parameter programme: its code, optional while the "
            + "instance has one programme; dry run with dryRun=true); all rows or none")
    public Response importCsv(byte[] body, @QueryParam("dryRun") boolean dryRun,
            @QueryParam("fileName") String fileName) {
        ResultImport.Report report = importer.run(scope.programme(), body, fileName, dryRun);
        int status = report.valid() || report.dryRun() ? 200 : 400;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(report).build();
    }
}
