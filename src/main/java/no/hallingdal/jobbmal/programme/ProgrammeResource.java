package no.hallingdal.jobbmal.programme;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.history.ChangeEvent;

import java.net.URI;
import java.util.List;

/** The admin pages: the admin index and the programme-and-targets page with its history. */
@Path("/admin")
@RolesAllowed(Role.ADMIN_CODE)
@InProgramme
public class ProgrammeResource {

    @CheckedTemplate(basePath = "programme")
    static class Templates {
        static native TemplateInstance admin(Page page);

        static native TemplateInstance edit(Page page, ProgrammeForm form, List<String> warnings,
                List<ChangeEvent> history);
    }

    @Inject
    Pages pages;

    @Inject
    ProgrammeService service;

    @Inject
    RequestLocale locale;

    @Inject
    ProgrammeScope scope;

    @Inject
    ProgrammeAccess access;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance admin() {
        access.requireAdmin(scope.programme());
        return Templates.admin(pages.page("admin", "admin.title"));
    }

    @GET
    @Path("/programme")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance edit() {
        Programme p = scope.programme();
        access.requireAdmin(p);
        ProgrammeView view = service.view(p);
        Page page = pages.page("admin", "programme.title");
        return Templates.edit(page, ProgrammeForm.of(view, locale.get()), warnings(page, view), service.history(p));
    }

    @POST
    @Path("/programme")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(MultivaluedMap<String, String> form) {
        Errors errors = new Errors();
        ProgrammeInput input = ProgrammeForm.parse(form, errors);
        try {
            service.update(scope.programme(), input, errors);
        } catch (ValidationException e) {
            return rerender(form, 400, pages.page("admin", "programme.title").withErrors(e.errors()));
        } catch (ConflictException e) {
            Page page = pages.page("admin", "programme.title");
            return rerender(form, 409, page.withError(page.t(e.messageKey(), e.args())));
        }
        return Response.seeOther(URI.create(ProgrammeScope.base(scope.programme()) + "/admin/programme"))
                .cookie(Flash.cookie("programme.saved")).build();
    }

    private Response rerender(MultivaluedMap<String, String> form, int status, Page page) {
        Programme p = scope.programme();
        ProgrammeView view = service.view(p);
        String html = Templates.edit(page, ProgrammeForm.of(form, view, locale.get()), warnings(page, view),
                service.history(p)).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static List<String> warnings(Page page, ProgrammeView view) {
        return view.warnings().stream().map(w -> page.t(w.messageKey(), w.args())).toList();
    }
}
