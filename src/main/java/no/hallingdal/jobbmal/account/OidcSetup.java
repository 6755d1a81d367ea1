package no.hallingdal.jobbmal.account;

import io.quarkus.oidc.Oidc;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Sign-in through the organisation's identity provider (OpenID Connect, authorization code flow with PKCE),
 * set up at start only when {@code JOBBMAL_OIDC_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET} and
 * {@code _LABEL} are all set. The flow runs on {@value #PATH} alone (application.properties selects the
 * {@code code} mechanism there) and its cookies are limited to that path: the rest of the application only
 * knows the Jobbmål session that {@link OidcLoginResource} opens.
 */
@ApplicationScoped
public class OidcSetup {

    private static final Logger LOG = Logger.getLogger(OidcSetup.class);
    public static final String PATH = "/login/oidc";

    @Inject
    JobbmalConfig config;

    /** The button's text when sign-in through the organisation is configured. */
    public Optional<String> label() {
        return enabled() ? config.oidc().label() : Optional.empty();
    }

    public boolean enabled() {
        JobbmalConfig.Oidc o = config.oidc();
        return set(o.issuer()) && set(o.clientId()) && set(o.clientSecret()) && set(o.label());
    }

    void create(@Observes Oidc oidc) {
        JobbmalConfig.Oidc o = config.oidc();
        if (!enabled()) {
            if (set(o.issuer()) || set(o.clientId()) || set(o.clientSecret()) || set(o.label())) {
                LOG.warn("Sign-in through the organisation is off: set all of JOBBMAL_OIDC_ISSUER, JOBBMAL_OIDC_CLIENT_ID,"
                        + " JOBBMAL_OIDC_CLIENT_SECRET and JOBBMAL_OIDC_LABEL");
            }
            return;
        }
        if (o.clientSecret().get().length() < 32) {
            LOG.warn("JOBBMAL_OIDC_CLIENT_SECRET is shorter than 32 characters: each instance then encrypts the"
                    + " sign-in state with its own random key, and a sign-in that returns to another instance fails");
        }
        oidc.create(OidcTenantConfig.authServerUrl(o.issuer().get().strip())
                .clientId(o.clientId().get().strip())
                .credentials(o.clientSecret().get())
                .applicationType(ApplicationType.WEB_APP)
                .authentication()
                    .redirectPath(PATH)
                    // the provider's error (e.g. the user cancelled) comes back as /login?error=<code>
                    .errorPath("/login")
                    .cookiePath(PATH)
                    .restorePathAfterRedirect(false)
                    .pkceRequired(true)
                    .scopes("email", "profile")
                .end()
                .build());
        LOG.infof("Sign-in through the organisation is on: issuer %s, client %s", o.issuer().get(), o.clientId().get());
    }

    private static boolean set(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }
}
