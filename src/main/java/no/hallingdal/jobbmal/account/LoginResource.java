package no.hallingdal.jobbmal.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The login page (the form posts to {@code /j_security_check}, {@link LoginFormRoute}; with OpenID Connect
 * configured a button to the organisation's sign-in comes first) and logout, which ends the session on the
 * server. After a sign-in through the organisation the login page then offers the provider's logout too.
 */
@Path("/")
public class LoginResource {

    public static final String SESSION_COOKIE = SessionCookie.NAME;
    /** The provider's logout address, kept for the login page after logging out (path /login, 10 minutes). */
    static final String PROVIDER_LOGOUT_COOKIE = "jobbmal-provider-logout";

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance login(Page page, boolean error, boolean providerError, boolean unavailable,
                String oidcLabel,
                String providerLogout);
    }

    @Inject
    Pages pages;

    @Inject
    SessionService sessions;

    @Inject
    OidcSetup oidc;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @CookieParam(PROVIDER_LOGOUT_COOKIE) String providerLogout) {
        String label = oidc.label().orElse(null);
        String url = decode(providerLogout);
        String offer = label != null && url != null && url.startsWith("http") ? url : null;
        // error=true: the login form's failure; unavailable: no session can be stored now (a full disk);
        // any other code comes from the identity provider
        boolean formError = "true".equals(error);
        boolean unavailable = LoginFormRoute.UNAVAILABLE_CODE.equals(error);
        var page = Templates.login(pages.page("", "login.title"), formError, error != null && !formError && !unavailable,
                unavailable, label, offer);
        var response = Response.ok(page);
        if (providerLogout != null) {
            response.cookie(providerLogoutCookie("", 0));
        }
        return response.build();
    }

    @POST
    @Path("logout")
    public Response logout(@CookieParam(SESSION_COOKIE) String token) {
        Optional<String> providerLogout = sessions.logout(token);
        var response = Response.seeOther(URI.create("/login")).cookie(SessionCookie.newCleared());
        // A cookie holds at most about 4 KB: a longer address (a very large ID token) is not offered.
        providerLogout.map(url -> Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8)))
                .filter(value -> value.length() <= 3500).ifPresent(value -> response.cookie(providerLogoutCookie(value, 600)));
        return response.build();
    }

    private static String decode(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cookieValue), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static NewCookie providerLogoutCookie(String value, int maxAge) {
        return new NewCookie.Builder(PROVIDER_LOGOUT_COOKIE).value(value).path("/login").maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
