package no.hallingdal.jobbmal.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.ForbiddenException;

import java.util.Optional;

/** The logged-in user of the current request, loaded once per request. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private Optional<User> user;

    public Optional<User> user() {
        if (user == null) {
            user = identity == null || identity.isAnonymous()
                    ? Optional.empty()
                    : User.findByUsername(identity.getPrincipal().getName());
        }
        return user;
    }

    /** The user, or 403 when there is none (a route that needs one is never open to anonymous). */
    public User require() {
        return user().orElseThrow(ForbiddenException::new);
    }

    public Long id() {
        return user().map(u -> u.id).orElse(null);
    }

    public boolean is(Role role) {
        return user().map(u -> u.hasRole(role)).orElse(false);
    }

    public boolean isAdmin() {
        return is(Role.ADMIN);
    }

    public boolean isLead() {
        return is(Role.LEAD);
    }

    public boolean isLoggedIn() {
        return user().isPresent();
    }

    public String displayName() {
        return user().map(u -> u.displayName).orElse("");
    }
}
