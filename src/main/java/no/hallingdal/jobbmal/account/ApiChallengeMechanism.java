package no.hallingdal.jobbmal.account;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Chooses the challenge when a request needs a login. Form login and HTTP Basic are both enabled, and
 * Quarkus asks the mechanisms for a challenge in priority order; this one comes first and answers for
 * the JSON API only: {@code 401} with {@code WWW-Authenticate: Basic realm="Jobbmål"}, never a redirect.
 * Everywhere else it declines, so pages get the form mechanism's redirect to /login. It authenticates
 * nothing itself: the form (session cookie) and Basic mechanisms do that on every path.
 */
@ApplicationScoped
public class ApiChallengeMechanism implements HttpAuthenticationMechanism {

    public static final String REALM = "Jobbmål";
    static final String API_PREFIX = "/api/";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (path != null && path.startsWith(API_PREFIX)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"" + REALM + "\""));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        // Above form (default 1000 range) and Basic, so its challenge is asked for first.
        return 5000;
    }
}
