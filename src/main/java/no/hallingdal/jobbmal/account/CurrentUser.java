package no.hallingdal.jobbmal.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.ForbiddenException;
import no.hallingdal.jobbmal.common.Pages;

import java.util.Map;
import java.util.Optional;

/** The logged-in user of the current request, loaded once per request when needed. */
@RequestScoped
public class CurrentUser implements Pages.Viewer {

    @Inject
    SecurityIdentity identity;

    /** Identity attributes set by {@link LoginGuard} at each request: name and rights, so pages need no query. */
    public static final String DISPLAY_NAME = "jobbmal.displayName";
    public static final String MEMBERSHIPS = "jobbmal.memberships";
    public static final String COUNTY = "jobbmal.county";
    public static final String SYSTEM_ADMIN = "jobbmal.systemAdmin";

    private Optional<User> user;

    /** The logged-in user's name as the identity providers read it for this request; empty when anonymous. */
    @Override
    public Optional<Shown> shown() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        String name = identity.getAttribute(DISPLAY_NAME);
        return name != null ? Optional.of(new Shown(name)) : user().map(u -> new Shown(u.displayName));
    }

    /**
     * The user's rights for this request: from the identity when the login put them there (no query), else
     * from the user.
     */
    public Optional<Rights> rights() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Map<Long, String> memberships = identity.getAttribute(MEMBERSHIPS);
        if (memberships == null) {
            return user().map(u -> u);
        }
        String county = identity.getAttribute(COUNTY);
        boolean systemAdmin = Boolean.TRUE.equals(identity.getAttribute(SYSTEM_ADMIN));
        return Optional.of(new Rights() {
            @Override
            public Optional<Role> membershipRole(long programmeId) {
                return Optional.ofNullable(memberships.get(programmeId))
                        .flatMap(code -> no.hallingdal.jobbmal.common.CodedEnum.fromCode(Role.class, code));
            }

            @Override
            public java.util.Set<Long> memberOf() {
                return memberships.keySet();
            }

            @Override
            public String countyCode() {
                return county;
            }

            @Override
            public boolean systemAdmin() {
                return systemAdmin;
            }
        });
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

    /** The user, when they are a system administrator; else 403. */
    public User requireSystemAdmin() {
        User user = require();
        if (!user.systemAdmin) {
            throw new ForbiddenException();
        }
        return user;
    }

    public boolean isSystemAdmin() {
        return rights().map(Rights::systemAdmin).orElse(false);
    }

    public boolean isLoggedIn() {
        return user().isPresent();
    }

    public String displayName() {
        return user().map(u -> u.displayName).orElse("");
    }
}
