package no.hallingdal.jobbmal.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.ForbiddenException;
import no.hallingdal.jobbmal.common.Pages;

import java.util.Optional;

/** The logged-in user of the current request, loaded once per request. */
@RequestScoped
public class CurrentUser implements Pages.Viewer {

    @Inject
    SecurityIdentity identity;

    /** Identity attribute with the user's display name, set by {@link LoginGuard} at each request. */
    public static final String DISPLAY_NAME = "jobbmal.displayName";

    private Optional<User> user;

    /**
     * The logged-in user's name and role code as the identity providers read them for this request,
     * without loading the user a second time (a page view then needs no user query of its own); empty
     * when anonymous.
     */
    @Override
    public Optional<Shown> shown() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        String name = identity.getAttribute(DISPLAY_NAME);
        String role = identity.getRoles().size() == 1 ? identity.getRoles().iterator().next() : null;
        if (name == null || role == null) {
            return user().map(u -> new Shown(u.displayName, u.role));
        }
        return Optional.of(new Shown(name, role));
    }

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

    /** The id of the login session of this request; null for HTTP Basic or anonymous. */
    public Long sessionId() {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Object id = identity.getAttribute(LoginGuard.SESSION_ID);
        return id instanceof Long l ? l : null;
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
