package no.hallingdal.jobbmal.backup;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import no.hallingdal.jobbmal.account.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;

import java.net.URI;
import java.util.List;

/** The admin page of backups: the list, "take a backup now", downloads, and the last failure if any. */
@Path("/admin/backups")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.SYSTEM_ADMIN_CODE, Role.ADMIN_CODE})
public class BackupResource {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance backups(Page page, List<BackupService.BackupFile> backups,
                BackupService.Failure failure, BackupService.Schedule schedule);
    }

    @Inject
    BackupService service;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list() {
        return Templates.backups(pages.page("admin", "backup.title"), service.list(), service.lastFailure(),
                service.schedule());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response take() {
        BackupService.BackupFile f = service.takeOnDemand("on demand, admin page");
        return Response.seeOther(URI.create("/admin/backups")).cookie(Flash.cookie("backup.flash.taken", f.name())).build();
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
