package no.hallingdal.jobbmal.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;

import java.net.URI;

/** The login page (the form posts to Quarkus' j_security_check) and logout. */
@Path("/")
public class LoginResource {

    public static final String SESSION_COOKIE = "jobbmal-session";

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance login(Page page, boolean error);
    }

    @Inject
    Pages pages;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(pages.page("", "login.title"), error != null);
    }

    @POST
    @Path("logout")
    public Response logout() {
        // The session is an encrypted cookie: logging out removes it.
        NewCookie gone = new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create("/login")).cookie(gone).build();
    }
}
