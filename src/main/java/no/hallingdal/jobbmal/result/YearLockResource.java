package no.hallingdal.jobbmal.result;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.history.ChangeEvent;

import java.net.URI;
import java.util.List;

/** Admin page to lock and unlock years (after the board's review); each change is recorded in the history. */
@Path("/admin/years")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_CODE)
@InProgramme
public class YearLockResource {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance years(Page page, List<YearLocks.YearRow> years, List<ChangeEvent> history);
    }

    @Inject
    YearLocks yearLocks;

    @Inject
    ResultPolicy policy;

    @Inject
    ProgrammeScope scope;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list() {
        Programme p = scope.programme();
        policy.requireAdmin(p.id);
        return Templates.years(pages.page("admin", "result.years.title"), yearLocks.years(p), yearLocks.history(p));
    }

    @POST
    @Path("/{year}/lock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lock(@PathParam("year") int year) {
        yearLocks.setLocked(scope.programme(), year, true);
        return Response.seeOther(URI.create(ProgrammeScope.base(scope.programme()) + "/admin/years"))
                .cookie(Flash.cookie("result.flash.locked",
                String.valueOf(year))).build();
    }

    @POST
    @Path("/{year}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlock(@PathParam("year") int year) {
        yearLocks.setLocked(scope.programme(), year, false);
        return Response.seeOther(URI.create(ProgrammeScope.base(scope.programme()) + "/admin/years"))
                .cookie(Flash.cookie("result.flash.unlocked",
                String.valueOf(year))).build();
    }
}
