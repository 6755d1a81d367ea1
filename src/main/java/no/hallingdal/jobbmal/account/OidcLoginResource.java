package no.hallingdal.jobbmal.account;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * Where the identity provider sends the user back (the {@code code} mechanism has completed the
 * authorization code flow before this runs): opens a Jobbmål session for the matched user, or shows why not.
 * The provider's own session cookie is dropped either way: from here on only the Jobbmål session counts.
 */
@Path(OidcSetup.PATH)
public class OidcLoginResource {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance oidcRefused(Page page, String reason, String label);
    }

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcConfigurationMetadata metadata;

    @Inject
    OidcSession oidcSession;

    @Inject
    OidcSignInService service;

    @Inject
    OidcSetup setup;

    @Inject
    JobbmalConfig config;

    @Inject
    Pages pages;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Return from the organisation's identity provider (sign-in through OpenID Connect)")
    public Response signIn(@HeaderParam("User-Agent") String userAgent, @Context UriInfo uri) {
        var claims = new OidcSignInService.Claims(idToken.getIssuer(), idToken.getSubject(), text(idToken.getClaim("email")),
                text(idToken.getClaim("email_verified")));
        String logout = OidcSignInService.providerLogoutUrl(metadata.getEndSessionUri(), idToken.getRawToken(),
                config.oidc().clientId().orElse(""), uri.getBaseUri().resolve("/login"));
        OidcSignInService.Outcome outcome = service.signIn(claims, userAgent, logout);
        oidcSession.logout().await().indefinitely();
        if (outcome.refusal() != null) {
            Page page = pages.page("", "oidc.refused.title");
            String reason = page.t("oidc.refused." + outcome.refusal().code);
            return Response.status(403).entity(Templates.oidcRefused(page, reason, setup.label().orElse(""))).build();
        }
        boolean https = "https".equalsIgnoreCase(uri.getBaseUri().getScheme());
        return Response.seeOther(URI.create("/")).cookie(SessionCookie.newCookie(outcome.session().token(), https)).build();
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString s ? s.getString() : claim.toString();
    }
}
