package no.hallingdal.jobbmal.result;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;

import java.util.List;
import java.util.Set;

/**
 * "Til godkjenning": the admin's list of pending results with approve and return buttons. The buttons post
 * to {@code /results/{id}/approve|return} with {@code back=approvals}.
 */
@Path("/admin/approvals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_CODE)
public class ApprovalResource {

    public static final int LIMIT = 500;

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance approvals(Page page, List<ResultView> results, long total,
                Set<Integer> lockedYears);
    }

    @Inject
    ResultService service;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance list() {
        return page(null);
    }

    TemplateInstance page(String error) {
        Page page = pages.page("admin", "result.approvals.title");
        if (error != null) {
            page.withError(error);
        }
        return Templates.approvals(page, service.pending(LIMIT), service.pendingCount(), service.lockedYears());
    }
}
