package no.hallingdal.jobbmal.mail;

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
import no.hallingdal.jobbmal.programme.ProgrammeScope;

import java.net.URI;
import java.util.List;

/** The programme's e-mail log and "send due reminders now" (its admin or a system administrator). */
@Path("/admin/mail")
@RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
@InProgramme
@Produces(MediaType.TEXT_HTML)
public class MailResource {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance log(Page page, boolean enabled, List<MailAdmin.LogRow> rows, int max);
    }

    @Inject
    Pages pages;

    @Inject
    MailAdmin admin;

    @Inject
    ProgrammeScope scope;

    @GET
    public TemplateInstance log() {
        Programme p = scope.programme();
        List<MailAdmin.LogRow> rows = admin.log(p);
        return Templates.log(pages.page("admin", "mail.log.title"), admin.enabled(), rows, MailAdmin.LOG_ROWS);
    }

    @POST
    @Path("reminders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response runReminders() {
        Programme p = scope.programme();
        MailAdmin.Run run = admin.runReminders(p);
        return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/mail"))
                .cookie(run.enabled() ? Flash.cookie("mail.run.done", String.valueOf(run.queued()))
                        : Flash.cookie("mail.off")).build();
    }
}
