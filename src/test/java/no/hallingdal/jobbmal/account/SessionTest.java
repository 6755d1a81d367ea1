package no.hallingdal.jobbmal.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server-side sessions over HTTP: logout, password changes, admin changes and the timeouts end them on the
 * server (a copied cookie is refused afterwards), Min konto lists them, and only a hash of the token is kept.
 */
@QuarkusTest
class SessionTest {

    static final String PASSWORD = "okt-passord-12345";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password-1";

    @Inject
    SessionService sessions;

    @Test
    void theCookieIsARandomTokenOfWhichOnlyTheHashIsStored() {
        String name = Accounts.uniqueName("token");
        Long id = Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        String a = Accounts.session(name, PASSWORD);
        String b = Accounts.session(name, PASSWORD);
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url: " + a);
        assertNotEquals(a, b);
        assertEquals(0L, count("tokenHash = ?1 or tokenHash = ?2", a, b), "the raw token is never stored");
        assertEquals(1L, count("tokenHash = ?1 and user.id = ?2", SessionService.hash(a), id));
        assertEquals(2L, count("user.id = ?1", id));
    }

    @Test
    void logoutEndsTheSessionSoACopiedCookieIsRefused() {
        String name = Accounts.uniqueName("logout");
        Long id = Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        String copy = Accounts.session(name, PASSWORD);
        given().redirects().follow(false).cookie("jobbmal-session", copy).get("/admin/users").then().statusCode(403);
        Response out = postForm("/logout", copy, Map.of());
        assertEquals(303, out.statusCode());
        assertTrue(out.getHeader("Location").endsWith("/login"));
        assertTrue(out.getHeaders().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("jobbmal-session=;")
                || c.startsWith("jobbmal-session=\"\"") || c.contains("jobbmal-session=") && c.contains("Max-Age=0")));
        assertRefused(copy);
        assertEquals(0L, count("user.id = ?1", id));
    }

    @Test
    void aChangedPasswordEndsEveryOtherSessionButTheOneThatChangedIt() {
        String name = Accounts.uniqueName("pwchange");
        Accounts.create(name, Role.LEAD_CODE, PASSWORD);
        String other = Accounts.session(name, PASSWORD);
        String mine = Accounts.session(name, PASSWORD);
        postForm("/account/password", mine, Map.of("currentPassword", PASSWORD, "newPassword", "nytt-passord-777",
                "newPasswordRepeat", "nytt-passord-777")).then().statusCode(303);
        assertRefused(other);
        given().redirects().follow(false).cookie("jobbmal-session", mine).get("/account/password").then().statusCode(200);
    }

    @Test
    void anAdminsResetOrDeactivationEndsAllTheUsersSessionsAndARoleChangeAppliesAtOnce() {
        String name = Accounts.uniqueName("target");
        Long id = Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        String s1 = Accounts.session(name, PASSWORD);
        given().redirects().follow(false).cookie("jobbmal-session", s1).get("/admin/users").then().statusCode(403);
        // A role change: the open session gets the new rights at its next request.
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Mål Bruker", "role", "admin")).put("/api/v1/users/" + id).then().statusCode(200);
        given().redirects().follow(false).cookie("jobbmal-session", s1).get("/admin/users").then().statusCode(200);

        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("password", "satt-av-admin-1")).post("/api/v1/users/" + id + "/password").then().statusCode(204);
        assertRefused(s1);

        String s2 = Accounts.session(name, "satt-av-admin-1");
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Mål Bruker", "role", "admin", "active", false)).put("/api/v1/users/" + id)
                .then().statusCode(200);
        assertRefused(s2);
        assertEquals(0L, count("user.id = ?1", id));
    }

    @Test
    void idleTimeoutAndAbsoluteLifetimeAreEnforcedByTheServer() {
        String name = Accounts.uniqueName("timeout");
        Long id = Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        String idle = Accounts.session(name, PASSWORD);
        String old = Accounts.session(name, PASSWORD);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            UserSession.update("lastSeenAt = ?1 where tokenHash = ?2", now.minus(Duration.ofMinutes(31)), SessionService.hash(idle));
            UserSession.update("createdAt = ?1 where tokenHash = ?2", now.minus(Duration.ofHours(12)).minusSeconds(5),
                    SessionService.hash(old));
        });
        assertRefused(idle);
        assertRefused(old);
        assertEquals(0L, count("user.id = ?1", id), "expired rows are deleted");
    }

    @Test
    void lastSeenIsWrittenAtMostOnceAMinute() {
        String name = Accounts.uniqueName("touch");
        Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        String s = Accounts.session(name, PASSWORD);
        Instant fortySecondsAgo = Instant.now().minusSeconds(40).truncatedTo(ChronoUnit.MILLIS);
        setLastSeen(s, fortySecondsAgo);
        given().cookie("jobbmal-session", s).get("/api/v1/municipalities").then().statusCode(200);
        assertEquals(fortySecondsAgo, lastSeen(s), "no write within a minute");
        Instant twoMinutesAgo = Instant.now().minusSeconds(120);
        setLastSeen(s, twoMinutesAgo);
        given().cookie("jobbmal-session", s).get("/api/v1/municipalities").then().statusCode(200);
        assertTrue(lastSeen(s).isAfter(Instant.now().minusSeconds(30)), "written once older than a minute");
    }

    @Test
    void expiredSessionsOfAnyoneAreCleanedUpAtTheNextLogin() {
        String name = Accounts.uniqueName("stale");
        Long id = Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        String stale = Accounts.session(name, PASSWORD);
        setLastSeen(stale, Instant.now().minus(Duration.ofHours(1)));
        String other = Accounts.uniqueName("fresh");
        Accounts.create(other, Role.BOARD_CODE, PASSWORD);
        Accounts.session(other, PASSWORD);
        assertEquals(0L, count("user.id = ?1", id));
    }

    @Test
    void minKontoListsTheSessionsAndLogsOutTheOthersOrEverywhere() {
        String name = Accounts.uniqueName("mine");
        Long id = Accounts.create(name, Role.COUNTY_CODE, PASSWORD);
        Response firefox = given().redirects().follow(false).header("User-Agent",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0")
                .contentType("application/x-www-form-urlencoded").formParam("j_username", name)
                .formParam("j_password", PASSWORD).post("/j_security_check");
        String other = firefox.getCookie("jobbmal-session");
        String mine = Accounts.session(name, PASSWORD);
        given().cookie("jobbmal-session", mine).get("/account/password").then().statusCode(200)
                .body(containsString("Aktive økter")).body(containsString("Firefox 128 · Windows"))
                .body(containsString("current-session")).body(containsString("Brukernavn og passord"));
        given().cookie("jobbmal-session", mine).cookie("jobbmal-lang", "en").get("/account/password").then()
                .statusCode(200).body(containsString("Active sessions")).body(containsString("Log out everywhere"));

        postForm("/account/sessions/others", mine, Map.of()).then().statusCode(303)
                .header("Location", endsWith("/account/password"));
        assertRefused(other);
        assertEquals(1L, count("user.id = ?1", id));

        String second = Accounts.session(name, PASSWORD);
        Response all = postForm("/account/sessions/all", mine, Map.of());
        assertEquals(303, all.statusCode());
        assertTrue(all.getHeader("Location").endsWith("/login"));
        assertRefused(mine);
        assertRefused(second);
    }

    @Test
    void anAdminSeesHowAUserSignsInAndRemovesTheLocalPasswordOnlyOfAnOrganisationUser() {
        String name = Accounts.uniqueName("org");
        Long id = Accounts.create(name, Role.LEAD_CODE, PASSWORD);
        String admin = Accounts.session(ADMIN, ADMIN_PASSWORD);
        given().cookie("jobbmal-session", admin).get("/admin/users/" + id).then().statusCode(200)
                .body(containsString("Har ikke logget inn via organisasjonen")).body(not(containsString("remove-password")));
        postForm("/admin/users/" + id + "/password/remove", admin, Map.of()).then().statusCode(400)
                .body(containsString("bare fjernes for en bruker som har logget inn via organisasjonen"));

        QuarkusTransaction.requiringNew().run(() -> {
            User u = User.findById(id);
            u.oidcIssuer = "https://login.example.org";
            u.oidcSubject = "sub-" + name;
            u.oidcSignedInAt = Instant.now();
        });
        String session = Accounts.session(name, PASSWORD);
        given().cookie("jobbmal-session", admin).get("/admin/users/" + id).then().statusCode(200)
                .body(containsString("id=\"remove-password\""));
        given().cookie("jobbmal-session", admin).get("/admin/users").then().statusCode(200)
                .body(containsString("Eget passord, Via organisasjonen"));
        postForm("/admin/users/" + id + "/password/remove", admin, Map.of()).then().statusCode(303);
        assertNull(QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).passwordHash));
        assertRefused(session);
        // The same answer as a wrong password.
        Response login = Accounts.formLogin(name, PASSWORD);
        assertTrue(login.getHeader("Location").endsWith("/login?error=true"));
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(401);
        // Signed in through the organisation, Min konto says there is no own password instead of the form.
        String viaOrganisation = sessions.start(id, UserSession.METHOD_OIDC, "Mozilla/5.0 Firefox/128.0", null).token();
        given().cookie("jobbmal-session", viaOrganisation).get("/account/password").then().statusCode(200)
                .body(containsString("id=\"no-local-password\"")).body(not(containsString("f-currentPassword")))
                .body(containsString("Via organisasjonen"));
    }

    @Test
    void withoutOpenIdConnectSettingsTheLoginPageHasNoButtonAndTheFlowIsClosed() {
        given().get("/login").then().statusCode(200).body(not(containsString("oidc-login")));
        given().redirects().follow(false).get("/login/oidc").then().statusCode(302).header("Location", endsWith("/login"));
        // What the provider sends back on an error (e.g. the user cancelled) is told apart from a wrong password.
        given().get("/login?error=access_denied").then().statusCode(200).body(containsString("id=\"oidc-error\""))
                .body(not(containsString("Sjekk brukernavn og passord, eller vent")));
        given().get("/login?error=true").then().statusCode(200).body(not(containsString("oidc-error")));
    }

    @Test
    void theReturnAddressAfterLoginIsAlwaysOnThisSite() {
        String name = Accounts.uniqueName("redirect");
        Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        for (String evil : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
            Response r = given().redirects().follow(false).cookie("quarkus-redirect-location", evil)
                    .contentType("application/x-www-form-urlencoded").formParam("j_username", name)
                    .formParam("j_password", PASSWORD).post("/j_security_check");
            assertEquals(302, r.statusCode());
            assertTrue(r.getHeader("Location").matches("(https?://localhost:\\d+)?/"), evil + " -> " + r.getHeader("Location"));
        }
    }

    private static void assertRefused(String session) {
        given().redirects().follow(false).cookie("jobbmal-session", session).get("/").then()
                .statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).cookie("jobbmal-session", session).get("/api/v1/municipalities").then()
                .statusCode(401);
    }

    private static Response postForm(String path, String session, Map<String, String> fields) {
        Forms.Csrf csrf = Forms.csrf("/login");
        var spec = given().redirects().follow(false).cookie("jobbmal-session", session)
                .cookie(Forms.CSRF_COOKIE, csrf.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam(Forms.CSRF_FIELD, csrf.token());
        for (var e : fields.entrySet()) {
            spec = spec.formParam(e.getKey(), e.getValue());
        }
        return spec.post(path);
    }

    private static long count(String query, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> UserSession.count(query, params));
    }

    private static void setLastSeen(String token, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> UserSession.update("lastSeenAt = ?1 where tokenHash = ?2", at,
                SessionService.hash(token)));
    }

    private static Instant lastSeen(String token) {
        return QuarkusTransaction.requiringNew().call(() -> UserSession.<UserSession>find("tokenHash", SessionService.hash(token))
                .firstResult().lastSeenAt);
    }
}
