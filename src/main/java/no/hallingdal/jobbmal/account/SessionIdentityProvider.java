package no.hallingdal.jobbmal.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Restores the user of a session cookie on each request from the {@code user_session} row
 * ({@link SessionService#restore}): an ended, expired or unknown session, or a deactivated user, is refused.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionIdentityProvider.SessionTokenRequest> {

    /** The token read from the {@code jobbmal-session} cookie by {@link SessionMechanism}. */
    public static final class SessionTokenRequest extends BaseAuthenticationRequest {
        final String token;

        public SessionTokenRequest(String token) {
            this.token = token;
        }
    }

    @Inject
    SessionService sessions;

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SecurityIdentity identity = sessions.restore(request.token);
            if (identity == null) {
                throw new AuthenticationFailedException();
            }
            return identity;
        });
    }
}
