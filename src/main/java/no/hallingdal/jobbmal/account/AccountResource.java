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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;

import java.net.URI;
import java.util.List;

/**
 * Min konto, the logged-in user's own account: change password (the current one is required), and the
 * user's active sessions with "log out the others" and "log out everywhere"; the language and which e-mails the
 * user wants.
 */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance password(Page page, String username, boolean hasPassword,
                List<SessionService.SessionView> sessions, long idleMinutes, long absoluteHours, UserPreference prefs);
    }

    @Inject
    Pages pages;

    @Inject
    UserService service;

    @Inject
    SessionService sessions;

    @Inject
    CurrentUser currentUser;

    @Inject
    Preferences preferences;

    @GET
    @Path("password")
    public TemplateInstance passwordForm() {
        return page(pages.page("", "account.title"));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(MultivaluedMap<String, String> f) {
        User me = currentUser.require();
        try {
            service.changeOwnPassword(me.id, f.getFirst("currentPassword"), f.getFirst("newPassword"),
                    f.getFirst("newPasswordRepeat"), currentUser.sessionId());
            return Response.seeOther(URI.create("/account/password")).cookie(Flash.cookie("password.changed")).build();
        } catch (ValidationException e) {
            Page page = pages.page("", "account.title").withErrors(e.errors());
            return Response.status(400).entity(page(page)).build();
        }
    }

    /** Language and e-mail choices; the pages switch to the chosen language too. */
    @POST
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePreferences(MultivaluedMap<String, String> f) {
        try {
            UserPreference saved = preferences.save(f);
            NewCookie lang = new NewCookie.Builder(RequestLocale.COOKIE).value(saved.language).path("/")
                    .maxAge(365 * 24 * 3600).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
            return Response.seeOther(URI.create("/account/password#preferences"))
                    .cookie(Flash.cookie("preferences.saved"), lang).build();
        } catch (ValidationException e) {
            Page page = pages.page("", "account.title").withErrors(e.errors());
            return Response.status(400).entity(page(page)).build();
        }
    }

    @POST
    @Path("sessions/others")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logOutOthers() {
        long ended = sessions.endOthers(currentUser.require().id, currentUser.sessionId());
        return Response.seeOther(URI.create("/account/password"))
                .cookie(Flash.cookie("sessions.ended.others", String.valueOf(ended))).build();
    }

    @POST
    @Path("sessions/all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logOutEverywhere() {
        sessions.endAll(currentUser.require().id);
        return Response.seeOther(URI.create("/login")).cookie(SessionCookie.newCleared()).build();
    }

    private TemplateInstance page(Page page) {
        User me = currentUser.require();
        return Templates.password(page, me.username, me.hasPassword(), sessions.list(me.id, currentUser.sessionId()),
                sessions.idleTimeout().toMinutes(), sessions.absoluteTimeout().toHours(), preferences.mine());
    }
}
