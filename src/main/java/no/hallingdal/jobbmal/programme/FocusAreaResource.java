package no.hallingdal.jobbmal.programme;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.municipality.FocusArea;

import java.net.URI;
import java.util.List;

/** A programme's focus areas (its admin or a system administrator): list with a form to add one, edit, remove. */
@Path("/admin/focus-areas")
@RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
@InProgramme
@Produces(MediaType.TEXT_HTML)
public class FocusAreaResource {

    /** The add or edit form as typed. */
    public record Form(String code, String nameNb, String nameEn, String sortOrder) {
        /** An empty form. */
        static Form empty() {
            return new Form("", "", "", "");
        }

        static Form of(FocusArea f) {
            return new Form(f.code, f.nameNb, f.nameEn, String.valueOf(f.sortOrder));
        }

        static Form of(MultivaluedMap<String, String> form, String code) {
            return new Form(code != null ? code : form.getFirst("code"), form.getFirst("nameNb"),
                    form.getFirst("nameEn"), form.getFirst("sortOrder"));
        }
    }

    @CheckedTemplate(basePath = "programme")
    static class Templates {
        static native TemplateInstance focusAreas(Page page, List<FocusAreaService.Row> rows, Form form);

        static native TemplateInstance focusAreaForm(Page page, Form form);
    }

    @Inject
    Pages pages;

    @Inject
    FocusAreaService service;

    @Inject
    ProgrammeScope scope;

    @GET
    public TemplateInstance list() {
        return Templates.focusAreas(pages.page("admin", "focusAreas.title"), service.rows(scope.programme()), Form.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(MultivaluedMap<String, String> form) {
        Programme p = scope.programme();
        Errors errors = new Errors();
        try {
            FocusArea f = service.add(p, input(form, null, errors), errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/focus-areas"))
                    .cookie(Flash.cookie("focusArea.added", f.nameNb)).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "focusAreas.title").withErrors(e.errors());
            return render(Templates.focusAreas(page, service.rows(p), Form.of(form, null)));
        }
    }

    @GET
    @Path("{code}")
    public TemplateInstance edit(@PathParam("code") String code) {
        FocusArea f = service.get(scope.programme(), code);
        return Templates.focusAreaForm(pages.page("admin", "focusArea.edit.title", f.nameNb), Form.of(f));
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("code") String code, MultivaluedMap<String, String> form) {
        Programme p = scope.programme();
        FocusArea stored = service.get(p, code);
        Errors errors = new Errors();
        try {
            FocusArea f = service.update(p, code, input(form, code, errors), errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/focus-areas"))
                    .cookie(Flash.cookie("focusArea.saved", f.nameNb)).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "focusArea.edit.title", stored.nameNb).withErrors(e.errors());
            return render(Templates.focusAreaForm(page, Form.of(form, stored.code)));
        }
    }

    @POST
    @Path("{code}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("code") String code) {
        Programme p = scope.programme();
        FocusArea stored = service.get(p, code);
        try {
            service.remove(p, code);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/focus-areas"))
                    .cookie(Flash.cookie("focusArea.removed", stored.nameNb)).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "focusAreas.title");
            page.withError(e.errors().stream().map(x -> page.t(x.messageKey(), x.args())).findFirst().orElse(""));
            return render(Templates.focusAreas(page, service.rows(p), Form.empty()));
        }
    }

    private static FocusAreaService.FocusAreaInput input(MultivaluedMap<String, String> form, String code,
            Errors errors) {
        return new FocusAreaService.FocusAreaInput(code != null ? code : Inputs.text(form.getFirst("code")),
                Inputs.text(form.getFirst("nameNb")), Inputs.text(form.getFirst("nameEn")),
                Inputs.integer(form.getFirst("sortOrder"), "sortOrder", errors));
    }

    private static Response render(TemplateInstance t) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }
}
