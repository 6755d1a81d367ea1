package no.hallingdal.jobbmal.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With jobbmal.secure-cookies=true every cookie is marked Secure (for HTTPS behind a proxy). */
@QuarkusTest
@TestProfile(SecureCookiesTest.SecureProfile.class)
class SecureCookiesTest {

    public static class SecureProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A database of its own: the shared in-memory one belongs to the other (restarted) application.
            return TestDatabase.own("jobbmal-secure-cookies", Map.of("jobbmal.secure-cookies", "true"));
        }
    }

    @Test
    void everyCookieIsSecure() {
        String name = Accounts.uniqueName("secure");
        Accounts.create(name, Role.BOARD_CODE, "sikkert-passord-1");
        Response login = Accounts.formLogin(name, "sikkert-passord-1");
        assertSecure(login, "jobbmal-session");
        assertSecure(given().get("/login"), "jobbmal-csrf");
        assertSecure(given().redirects().follow(false).get("/lang/en?return=/"), "jobbmal-lang");
        assertSecure(given().redirects().follow(false).get("/"), "quarkus-redirect-location");
    }

    private static void assertSecure(Response r, String cookie) {
        List<String> all = r.getHeaders().getValues("Set-Cookie");
        String c = all.stream().filter(s -> s.startsWith(cookie + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + cookie + " cookie in " + all));
        assertTrue(c.toLowerCase().contains("; secure"), c);
        assertFalse(c.toLowerCase().indexOf("secure") != c.toLowerCase().lastIndexOf("secure"), "Secure once: " + c);
    }
}
