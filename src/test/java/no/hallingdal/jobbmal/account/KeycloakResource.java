package no.hallingdal.jobbmal.account;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.hallingdal.jobbmal.support.TestDatabase;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts Keycloak once for {@link OidcKeycloakTest}, with a realm, a confidential client and the test's
 * users, and points Jobbmål's OpenID Connect settings at it.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    static final String REALM = "jobbmal";
    static final String CLIENT = "jobbmal-web";
    static final String SECRET = "test-client-secret-0123456789abcdefghijklmnop";
    static final String LABEL = "Logg inn med Keycloak";
    static final String PASSWORD = "keycloak-passord-1";

    /** Keycloak users: username and e-mail; the test makes the matching Jobbmål users. */
    static final String KARI = "kari";
    static final String KARI_EMAIL = "kari.nordmann@example.org";
    static final String STRANGER = "stranger";
    static final String STRANGER_EMAIL = "nobody-here@example.org";
    static final String FORMER = "former";
    static final String FORMER_EMAIL = "former.user@example.org";
    static final String UNVERIFIED = "unverified";
    static final String UNVERIFIED_EMAIL = "unverified.user@example.org";

    static volatile long startMillis;
    private KeycloakServer server;

    @Override
    public Map<String, String> start() {
        List<String> missing = KeycloakServer.missingParts();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("CI=true but the OpenID Connect test cannot run; missing: " + missing);
        }
        long t0 = System.currentTimeMillis();
        try {
            server = KeycloakServer.start(Path.of("target", "keycloak-test.log"));
            startMillis = System.currentTimeMillis() - t0;
            server.createRealm(REALM);
            server.createClient(REALM, CLIENT, SECRET);
            server.createUser(REALM, KARI, KARI_EMAIL, true, PASSWORD);
            server.createUser(REALM, STRANGER, STRANGER_EMAIL, true, PASSWORD);
            server.createUser(REALM, FORMER, FORMER_EMAIL, true, PASSWORD);
            server.createUser(REALM, UNVERIFIED, UNVERIFIED_EMAIL, false, PASSWORD);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Keycloak could not be set up: " + e.getMessage(), e);
        }
        // A database of its own, like every test that restarts the application with other settings.
        return TestDatabase.own("oidc-keycloak", Map.of(
                "jobbmal.oidc.issuer", server.issuer(REALM),
                "jobbmal.oidc.client-id", CLIENT,
                "jobbmal.oidc.client-secret", SECRET,
                "jobbmal.oidc.label", LABEL));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * Runs the test where its parts exist; skips it with a message where one is missing, except under
     * {@code CI=true}, where {@link #start} then fails. Runs in the H2 suite only (the PostgreSQL run skips it:
     * nothing in it depends on the database kind).
     */
    public static class Parts implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("postgresql".equals(System.getProperty("quarkus.datasource.db-kind"))) {
                return ConditionEvaluationResult.disabled("The Keycloak test runs in the H2 suite only");
            }
            List<String> missing = KeycloakServer.missingParts();
            if (missing.isEmpty() || "true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("Keycloak, Java 21+ and Chromium are here");
            }
            return ConditionEvaluationResult.disabled("OpenID Connect test skipped; missing: " + missing);
        }
    }
}
