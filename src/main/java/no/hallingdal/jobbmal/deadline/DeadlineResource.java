package no.hallingdal.jobbmal.deadline;

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
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;

import java.net.URI;
import java.util.List;

/** A programme's reporting deadlines (its admin or a system administrator): the list, add, change, remove. */
@Path("/admin/deadlines")
@RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
@InProgramme
@Produces(MediaType.TEXT_HTML)
public class DeadlineResource {

    @CheckedTemplate(basePath = "deadline")
    static class Templates {
        static native TemplateInstance deadlines(Page page, List<DeadlineView> rows, boolean mailEnabled,
                int reminderDays);

        static native TemplateInstance deadlineForm(Page page, DeadlineForm form, Long id);
    }

    @Inject
    Pages pages;

    @Inject
    DeadlineService service;

    @Inject
    ProgrammeScope scope;

    @Inject
    JobbmalConfig config;

    @GET
    public TemplateInstance list() {
        Programme p = scope.programme();
        service.requireChange(p);
        List<DeadlineView> rows = service.list(p).stream().map(d -> service.view(p, d)).toList();
        return Templates.deadlines(pages.page("admin", "deadlines.title"), rows, config.mail().enabled(),
                config.mail().reminderDays());
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        Programme p = scope.programme();
        service.requireChange(p);
        return Templates.deadlineForm(pages.page("admin", "deadline.new.title"), DeadlineForm.empty(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> f) {
        Programme p = scope.programme();
        DeadlineForm form = DeadlineForm.of(f);
        Errors errors = new Errors();
        try {
            Deadline d = service.create(p, form.parse(errors), errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/deadlines"))
                    .cookie(Flash.cookie("deadline.added", d.title)).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "deadline.new.title").withErrors(e.errors());
            return render(400, Templates.deadlineForm(page, form, null));
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") long id) {
        Programme p = scope.programme();
        service.requireChange(p);
        Deadline d = service.get(p, id);
        return Templates.deadlineForm(pages.page("admin", "deadline.edit.title", d.title), DeadlineForm.of(d), d.id);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        Programme p = scope.programme();
        DeadlineForm form = DeadlineForm.of(f);
        Errors errors = new Errors();
        try {
            Deadline d = service.update(p, id, form.parse(errors), errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/deadlines"))
                    .cookie(Flash.cookie("deadline.saved", d.title)).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "deadline.edit.title", form.title()).withErrors(e.errors());
            return render(400, Templates.deadlineForm(page, form, id));
        } catch (ConflictException e) {
            Page page = pages.page("admin", "deadline.edit.title", form.title());
            page.withError(page.t(e.messageKey(), e.args()));
            return render(409, Templates.deadlineForm(page, form, id));
        }
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        Programme p = scope.programme();
        try {
            service.delete(p, id, f.getFirst("version"));
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/deadlines"))
                    .cookie(Flash.cookie("deadline.deleted")).build();
        } catch (ValidationException | ConflictException e) {
            Deadline d = service.get(p, id);
            Page page = pages.page("admin", "deadline.edit.title", d.title);
            page.withError(page.t(e instanceof ConflictException c ? c.messageKey() : "deadline.error.version"));
            return render(e instanceof ConflictException ? 409 : 400, Templates.deadlineForm(page, DeadlineForm.of(d),
                    d.id));
        }
    }

    private static Response render(int status, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }
}
