package no.hallingdal.jobbmal.result;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeAccess;
import no.hallingdal.jobbmal.programme.ProgrammeScope;

import java.net.URI;

/** The administration page that checks the figures' aggregate against the results ({@link FigureCheck}). */
@Path("/admin/figures")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
@InProgramme
public class FigureCheckResource {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance figures(Page page);
    }

    @Inject
    FigureCheck check;

    @Inject
    ProgrammeAccess access;

    @Inject
    ProgrammeScope scope;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance page() {
        access.requireAdministration(scope.programme());
        return Templates.figures(pages.page("admin", "result.figures.title"));
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run() {
        Programme p = scope.programme();
        FigureCheck.Report report = check.check(p);
        String flash = report.differences() == 0 ? "result.figures.flash.right" : "result.figures.flash.corrected";
        return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/figures"))
                .cookie(Flash.cookie(flash, String.valueOf(report.differences()))).build();
    }
}
