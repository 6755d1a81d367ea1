package no.hallingdal.jobbmal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Who a sign-in through the organisation's identity provider is: the {@code email} claim matched,
 * ignoring case, to one existing, active Jobbmål user. Nobody is created (no self-registration), and rights
 * come from Jobbmål alone, never from the provider's claims. Every attempt is logged.
 */
@ApplicationScoped
public class OidcSignInService {

    private static final Logger LOG = Logger.getLogger(OidcSignInService.class);

    /** Why a sign-in is refused; the message key is {@code oidc.refused.<code>}. */
    public enum Refusal {
        NO_EMAIL("no-email"), UNVERIFIED("unverified"), UNKNOWN("unknown"), INACTIVE("inactive"), AMBIGUOUS("ambiguous");

        public final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    /** The claims of the provider's ID token that matter here. {@code emailVerified} as sent (null when absent). */
    public record Claims(String issuer, String subject, String email, String emailVerified) {
    }

    /** A session, or the reason there is none. */
    public record Outcome(SessionService.Started session, Refusal refusal) {
    }

    @Inject
    SessionService sessions;

    @Transactional
    public Outcome signIn(Claims c, String userAgent, String providerLogoutUrl) {
        String email = c.email() == null ? "" : c.email().strip().toLowerCase(Locale.ROOT);
        Refusal refusal = null;
        User user = null;
        if (email.isEmpty()) {
            refusal = Refusal.NO_EMAIL;
        } else if ("false".equalsIgnoreCase(c.emailVerified())) {
            refusal = Refusal.UNVERIFIED;
        } else {
            List<User> matches = User.list("lower(email) = ?1", email);
            List<User> active = matches.stream().filter(u -> u.active).toList();
            if (matches.isEmpty()) {
                refusal = Refusal.UNKNOWN;
            } else if (active.isEmpty()) {
                refusal = Refusal.INACTIVE;
            } else if (active.size() > 1) {
                refusal = Refusal.AMBIGUOUS;
            } else {
                user = active.get(0);
            }
        }
        if (refusal != null) {
            LOG.warnf("Sign-in through the organisation refused for e-mail '%s' (issuer %s, subject %s): %s",
                    LoginGuard.loggable(email), c.issuer(), c.subject(), refusal.code);
            return new Outcome(null, refusal);
        }
        user.oidcIssuer = c.issuer();
        user.oidcSubject = c.subject();
        user.oidcSignedInAt = Instant.now();
        LOG.infof("Sign-in through the organisation succeeded for user '%s' (roles %s)", user.username,
                user.securityRoles());
        return new Outcome(sessions.start(user.id, UserSession.METHOD_OIDC, userAgent, providerLogoutUrl), null);
    }

    /**
     * The provider's RP-initiated logout address for this sign-in, or null when the provider has none: its
     * end-session endpoint with the ID token as hint and Jobbmål's login page to come back to.
     */
    public static String providerLogoutUrl(String endSessionUri, String idToken, String clientId, URI backTo) {
        if (endSessionUri == null || endSessionUri.isBlank()) {
            return null;
        }
        String url = endSessionUri + (endSessionUri.contains("?") ? "&" : "?")
                + "client_id=" + enc(clientId)
                + "&post_logout_redirect_uri=" + enc(backTo.toString())
                + (idToken == null ? "" : "&id_token_hint=" + enc(idToken));
        return url.length() <= 8000 ? url : null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
