package no.hallingdal.jobbmal.backup;

import jakarta.annotation.security.RolesAllowed;
import no.hallingdal.jobbmal.account.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Backups over the JSON API (admins only): take one, list them, download one. */
@Path("/api/v1/backups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.SYSTEM_ADMIN_CODE, Role.ADMIN_CODE})
public class BackupApi {

    @Inject
    BackupService service;

    @GET
    public List<BackupService.BackupFile> list() {
        return service.list();
    }

    /** Takes a backup now; 201 with the new file's name and its download address. */
    @POST
    public Response take() {
        BackupService.BackupFile f = service.takeOnDemand("on demand, API");
        return Response.created(URI.create("/api/v1/backups/" + f.name())).entity(f).build();
    }

    @GET
    @Path("/{name}")
    @Produces("application/zip")
    public Response download(@PathParam("name") String name) {
        java.nio.file.Path file = service.file(name);
        return Response.ok(file.toFile(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
    }
}
