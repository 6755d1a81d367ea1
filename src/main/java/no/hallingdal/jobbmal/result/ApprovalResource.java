package no.hallingdal.jobbmal.result;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;

/**
 * "Til godkjenning": the admin's list of pending results with approve and return buttons. The buttons post
 * to {@code /results/{id}/approve|return} with {@code back=approvals}.
 */
@Path("/admin/approvals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_CODE)
@InProgramme
public class ApprovalResource {

    @Inject
    ApprovalPage page;

    @Inject
    ProgrammeScope scope;

    @GET
    public TemplateInstance list() {
        return page.render(scope.programme(), null);
    }
}
