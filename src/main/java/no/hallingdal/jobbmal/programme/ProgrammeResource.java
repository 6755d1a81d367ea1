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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.history.ChangeEvent;
import no.hallingdal.jobbmal.municipality.Municipality;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A programme's admin pages (its admin or a system administrator): the index, the programme's details and
 * municipalities, its history, and the wave-1 page of the programme with the period its dashboard opens on.
 */
@Path("/admin")
@RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
@InProgramme
public class ProgrammeResource {

    /** The details form as typed; {@code municipalities} are the checked codes. */
    public record DetailsForm(String name, String region, String owner, String countyCode, String countyName,
            String version, Set<String> municipalities) {
        public boolean has(String code) {
            return municipalities.contains(code);
        }

        static DetailsForm of(Programme p) {
            return new DetailsForm(p.name, p.region, p.owner, p.countyCode, p.countyName, String.valueOf(p.version),
                    p.municipalities.stream().map(m -> m.code).collect(Collectors.toSet()));
        }

        static DetailsForm of(MultivaluedMap<String, String> f) {
            List<String> codes = f.get("municipalities");
            return new DetailsForm(f.getFirst("name"), f.getFirst("region"), f.getFirst("owner"),
                    f.getFirst("countyCode"), f.getFirst("countyName"), f.getFirst("version"),
                    codes == null ? Set.of() : Set.copyOf(codes));
        }
    }

    @CheckedTemplate(basePath = "programme")
    static class Templates {
        static native TemplateInstance admin(Page page, boolean member);

        static native TemplateInstance edit(Page page, ProgrammeForm form, List<String> warnings,
                List<ChangeEvent> history);

        static native TemplateInstance details(Page page, DetailsForm form, List<Municipality> municipalities);

        static native TemplateInstance history(Page page, ProgrammeService.HistoryPage history);
    }

    @Inject
    Pages pages;

    @Inject
    ProgrammeService service;

    @Inject
    ProgrammeAdmin admin;

    @Inject
    RequestLocale locale;

    @Inject
    ProgrammeScope scope;

    @Inject
    ProgrammeAccess access;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance admin() {
        Programme p = scope.programme();
        access.requireAdministration(p);
        return Templates.admin(pages.page("admin", "admin.title"), access.is(Role.ADMIN, p));
    }

    @GET
    @Path("/details")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance details() {
        Programme p = admin.administered(scope.programme().code);
        return Templates.details(pages.page("admin", "details.title"), DetailsForm.of(p),
                admin.referenceMunicipalities());
    }

    @POST
    @Path("/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveDetails(MultivaluedMap<String, String> form) {
        Programme p = scope.programme();
        Errors errors = new Errors();
        List<String> codes = form.get("municipalities");
        ProgrammeAdmin.DetailsInput in = new ProgrammeAdmin.DetailsInput(Inputs.text(form.getFirst("name")),
                Inputs.text(form.getFirst("region")), Inputs.text(form.getFirst("owner")),
                Inputs.text(form.getFirst("countyCode")), Inputs.text(form.getFirst("countyName")),
                codes == null ? List.of() : codes, Inputs.integer(form.getFirst("version"), "version", errors));
        try {
            admin.updateDetails(p, in, errors);
        } catch (ValidationException e) {
            return render(400, Templates.details(pages.page("admin", "details.title").withErrors(e.errors()),
                    DetailsForm.of(form), admin.referenceMunicipalities()));
        } catch (ConflictException e) {
            Page page = pages.page("admin", "details.title");
            page.withError(page.t(e.messageKey(), e.args()));
            return render(409, Templates.details(page, DetailsForm.of(form), admin.referenceMunicipalities()));
        }
        return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/details"))
                .cookie(Flash.cookie("details.saved")).build();
    }

    @GET
    @Path("/history")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance history(@QueryParam("page") String page) {
        Long n = Inputs.integer(page, "page", new Errors());
        int number = n == null || n < 1 || n > 100_000 ? 1 : n.intValue();
        return Templates.history(pages.page("admin", "history.title"), service.historyPage(scope.programme(), number));
    }

    @GET
    @Path("/programme")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance edit() {
        Programme p = scope.programme();
        access.requireAdministration(p);
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
        return render(status, Templates.edit(page, ProgrammeForm.of(form, view, locale.get()), warnings(page, view),
                service.history(p)));
    }

    private static Response render(int status, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }

    private static List<String> warnings(Page page, ProgrammeView view) {
        return view.warnings().stream().map(w -> page.t(w.messageKey(), w.args())).toList();
    }
}
