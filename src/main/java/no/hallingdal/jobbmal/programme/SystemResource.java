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
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * The system administration (system administrators only): its index, and the programmes with "new programme". A
 * programme is edited on its own admin pages ({@code /p/{code}/admin}) and never deleted.
 */
@Path("/admin/system")
@RolesAllowed(Role.SYSTEM_ADMIN_CODE)
@Produces(MediaType.TEXT_HTML)
public class SystemResource {

    /** The new-programme form as typed: the programme's details and its first period. */
    public record NewForm(String code, String name, String region, String owner, String countyCode, String countyName,
            String periodName, String start, String end, String goal) {
    }

    @CheckedTemplate(basePath = "programme")
    static class Templates {
        static native TemplateInstance system(Page page);

        static native TemplateInstance programmes(Page page, List<Programme> programmes);

        static native TemplateInstance newProgramme(Page page, NewForm form);
    }

    @Inject
    Pages pages;

    @Inject
    ProgrammeAdmin service;

    @Inject
    ProgrammeAccess access;

    @Inject
    ProgrammeScope scope;

    @GET
    public TemplateInstance index() {
        access.requireSystemAdmin();
        return Templates.system(pages.page("system", "system.title"));
    }

    @GET
    @Path("programmes")
    public TemplateInstance programmes() {
        return Templates.programmes(pages.page("system", "system.programmes.title"), service.all());
    }

    @GET
    @Path("programmes/new")
    public TemplateInstance newForm() {
        access.requireSystemAdmin();
        Page page = pages.page("system", "system.programme.new.title");
        LocalDate start = LocalDate.of(scope.today().getYear() + 1, 1, 1);
        return Templates.newProgramme(page, new NewForm("", "", "", "", "", "", page.t("period.defaultName", 1),
                start.toString(), start.plusYears(PeriodForm.SUGGESTED_YEARS).minusDays(1).toString(), ""));
    }

    @POST
    @Path("programmes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        Errors errors = new Errors();
        String prefix = "periods[0].";
        ProgrammeDocument.PeriodDoc period = new ProgrammeDocument.PeriodDoc(null,
                Inputs.text(form.getFirst(prefix + "name")), Inputs.date(form.getFirst(prefix + "start"),
                        prefix + "start", errors), Inputs.date(form.getFirst(prefix + "end"), prefix + "end", errors),
                Inputs.integer(form.getFirst(prefix + "goal"), prefix + "goal", errors), null, null, null);
        ProgrammeDocument doc = new ProgrammeDocument(Inputs.text(form.getFirst("code")),
                Inputs.text(form.getFirst("name")), Inputs.text(form.getFirst("region")),
                Inputs.text(form.getFirst("owner")), Inputs.text(form.getFirst("countyCode")),
                Inputs.text(form.getFirst("countyName")), null, null, List.of(period), null, null);
        try {
            Programme p = service.create(doc, errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin"))
                    .cookie(Flash.cookie("system.programme.created", p.name)).build();
        } catch (ValidationException e) {
            Page page = pages.page("system", "system.programme.new.title").withErrors(e.errors());
            NewForm typed = new NewForm(form.getFirst("code"), form.getFirst("name"), form.getFirst("region"),
                    form.getFirst("owner"), form.getFirst("countyCode"), form.getFirst("countyName"),
                    form.getFirst(prefix + "name"), form.getFirst(prefix + "start"), form.getFirst(prefix + "end"),
                    form.getFirst(prefix + "goal"));
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.newProgramme(page, typed).render()).build();
        }
    }
}
