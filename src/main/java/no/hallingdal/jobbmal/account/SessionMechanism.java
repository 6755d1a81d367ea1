package no.hallingdal.jobbmal.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Authenticates a request by its session cookie (the token of a {@code user_session} row), and chooses the
 * answer when a request needs a login: for the JSON API {@code 401} with
 * {@code WWW-Authenticate: Basic realm="Jobbmål"}, never a redirect; for pages a redirect to /login that
 * remembers the page asked for. HTTP Basic is Quarkus' own mechanism.
 */
@ApplicationScoped
public class SessionMechanism implements HttpAuthenticationMechanism {

    public static final String REALM = "Jobbmål";
    static final String API_PREFIX = "/api/";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        var request = new SessionIdentityProvider.SessionTokenRequest(cookie.getValue());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        // An ended or expired session is no error: the request goes on as anonymous (public pages still
        // answer) and is challenged where a login is needed.
        return identityProviderManager.authenticate(request)
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (path != null && path.startsWith(API_PREFIX)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"" + REALM + "\""));
        }
        if (context.request().getCookie(SessionCookie.NAME) != null) {
            context.response().addCookie(SessionCookie.cleared(SessionCookie.NAME));
        }
        if (context.request().method() == HttpMethod.GET) {
            String uri = context.request().uri();
            context.response().addCookie(SessionCookie.returnTo(uri));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionIdentityProvider.SessionTokenRequest.class);
    }

    @Override
    public int getPriority() {
        // Above Basic (and OIDC), so its challenge is the one asked for first.
        return 5000;
    }
}
