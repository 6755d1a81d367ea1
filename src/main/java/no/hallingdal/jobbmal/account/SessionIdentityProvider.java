package no.hallingdal.jobbmal.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Restores the user of a session cookie on each request: reads the current role, and refuses a user who
 * has been deactivated since logging in (their session ends at once). Comes before security-jpa's.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    LoginGuard guard;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SecurityIdentity identity = guard.restore(request.getPrincipal());
            if (identity == null) {
                throw new AuthenticationFailedException();
            }
            return identity;
        });
    }

    @Override
    public int priority() {
        return PasswordIdentityProvider.PRIORITY;
    }
}
