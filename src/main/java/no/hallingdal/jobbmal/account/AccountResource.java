package no.hallingdal.jobbmal.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;

import java.net.URI;

/** The logged-in user's own account: change password (the current one is required). */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance password(Page page, String username);
    }

    @Inject
    Pages pages;

    @Inject
    UserService service;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("password")
    public TemplateInstance passwordForm() {
        return Templates.password(pages.page("", "password.title"), currentUser.require().username);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(MultivaluedMap<String, String> f) {
        User me = currentUser.require();
        try {
            service.changeOwnPassword(me.id, f.getFirst("currentPassword"), f.getFirst("newPassword"),
                    f.getFirst("newPasswordRepeat"));
            return Response.seeOther(URI.create("/account/password")).cookie(Flash.cookie("password.changed")).build();
        } catch (ValidationException e) {
            Page page = pages.page("", "password.title").withErrors(e.errors());
            return Response.status(400).entity(Templates.password(page, me.username)).build();
        }
    }
}
