package no.hallingdal.jobbmal.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.programme.ProgrammeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A programme's e-mail as JSON (docs/api.md, "E-mail"): its admin or a system administrator. */
@Path("/api/v1/programmes/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "E-mail")
@RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
public class MailApi {

    @Inject
    MailAdmin admin;

    @Inject
    ProgrammeService programmes;

    @POST
    @Path("reminders/run")
    @Operation(summary = "Write the programme's due reminders now (those not written yet; each lead gets one per "
            + "deadline); they are sent within a minute. enabled=false and queued=0 while e-mail is off.")
    public MailAdmin.Run runReminders(@PathParam("code") String code) {
        return admin.runReminders(programmes.get(code));
    }

    @GET
    @Path("mail")
    @Operation(summary = "The programme's e-mails, newest first (at most 500): kind, subject, recipient, when, "
            + "status (pending, sending, sent, failed), attempts and the last error")
    public List<MailAdmin.LogRow> log(@PathParam("code") String code) {
        return admin.log(programmes.get(code));
    }
}
