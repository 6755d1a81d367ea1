package no.hallingdal.jobbmal.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The language switch: remembers nb or en in a cookie for a year and goes back to the page. */
@Path("/lang")
public class LanguageResource {

    @GET
    @Path("/{lang}")
    public Response switchTo(@PathParam("lang") String lang, @QueryParam("return") String returnTo) {
        if (!"nb".equals(lang) && !"en".equals(lang)) {
            throw new NotFoundException("error.notfound.page");
        }
        NewCookie cookie = new NewCookie.Builder(RequestLocale.COOKIE)
                .value(lang).path("/").maxAge(365 * 24 * 3600).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(safeReturn(returnTo))).cookie(cookie).build();
    }

    /** Only a path on this site: no scheme, no host, no protocol-relative "//". */
    static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        try {
            URI.create(returnTo);
            return returnTo;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
