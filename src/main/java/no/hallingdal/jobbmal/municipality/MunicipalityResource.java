package no.hallingdal.jobbmal.municipality;

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
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;

import java.net.URI;
import java.util.List;

/** The reference municipalities (system administrators): the list with a form to add one, and a name's correction. */
@Path("/admin/system/municipalities")
@RolesAllowed(Role.SYSTEM_ADMIN_CODE)
@Produces(MediaType.TEXT_HTML)
public class MunicipalityResource {

    /** The add form as typed. */
    public record Form(String code, String name, String formerCode) {
        /** An empty form. */
        static Form empty() {
            return new Form("", "", "");
        }
    }

    @CheckedTemplate(basePath = "municipality")
    static class Templates {
        static native TemplateInstance municipalities(Page page, List<Municipality> municipalities, Form form);

        static native TemplateInstance municipalityForm(Page page, Municipality municipality, String name);
    }

    static final String LIST = "/admin/system/municipalities";

    @Inject
    Pages pages;

    @Inject
    MunicipalityService service;

    @GET
    public TemplateInstance list() {
        return Templates.municipalities(pages.page("system", "system.municipalities.title"), service.list(), Form.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(MultivaluedMap<String, String> form) {
        Form typed = new Form(form.getFirst("code"), form.getFirst("name"), form.getFirst("formerCode"));
        try {
            Municipality m = service.add(new MunicipalityService.MunicipalityInput(typed.code(), typed.name(),
                    typed.formerCode()), new Errors());
            return Response.seeOther(URI.create(LIST)).cookie(Flash.cookie("municipality.added", m.name)).build();
        } catch (ValidationException e) {
            Page page = pages.page("system", "system.municipalities.title").withErrors(e.errors());
            return render(Templates.municipalities(page, service.list(), typed));
        }
    }

    @GET
    @Path("{code}")
    public TemplateInstance edit(@PathParam("code") String code) {
        Municipality m = service.get(code);
        return Templates.municipalityForm(pages.page("system", "municipality.edit.title", m.name), m, m.name);
    }

    @POST
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("code") String code, MultivaluedMap<String, String> form) {
        Municipality stored = service.get(code);
        try {
            Municipality m = service.rename(code, form.getFirst("name"), new Errors());
            return Response.seeOther(URI.create(LIST)).cookie(Flash.cookie("municipality.saved", m.name)).build();
        } catch (ValidationException e) {
            Page page = pages.page("system", "municipality.edit.title", stored.name).withErrors(e.errors());
            return render(Templates.municipalityForm(page, stored, form.getFirst("name")));
        }
    }

    private static Response render(TemplateInstance t) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }
}
