package no.hallingdal.jobbmal.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real logins: form and HTTP Basic, lockout, inactive users, logout, redirects and challenges. */
@QuarkusTest
class LoginTest {

    static final String PASSWORD = "riktig-passord-123";

    @Test
    void formLoginSetsAHardenedSessionCookieAndShowsTheUser() {
        String name = Accounts.uniqueName("board");
        Accounts.create(name, "Bodil Styremedlem", Role.BOARD_CODE, PASSWORD);
        Response login = Accounts.formLogin(name.toUpperCase(), PASSWORD);
        assertEquals(302, login.statusCode());
        assertThat(login.getHeader("Location"), endsWith("/"));
        String setCookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("jobbmal-session=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: no Secure flag unless configured");

        given().cookie("jobbmal-session", login.getCookie("jobbmal-session")).get("/").then()
                .statusCode(200).body(containsString("Bodil Styremedlem"));
    }

    @Test
    void pageWithoutSessionRedirectsToLoginAndBackAfterLogin() {
        String name = Accounts.uniqueName("lead");
        Accounts.create(name, Role.LEAD_CODE, PASSWORD);
        Response page = given().redirects().follow(false).get("/account/password");
        assertEquals(302, page.statusCode());
        assertThat(page.getHeader("Location"), endsWith("/login"));
        String back = page.getCookie("quarkus-redirect-location");
        assertNotNull(back, "the page asked for is remembered");

        Response login = given().redirects().follow(false).cookie("quarkus-redirect-location", back)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", name).formParam("j_password", PASSWORD)
                .post("/j_security_check");
        assertEquals(302, login.statusCode());
        assertThat(login.getHeader("Location"), endsWith("/account/password"));
    }

    @Test
    void apiWithoutCredentialsIsA401BasicChallengeNeverARedirect() {
        given().redirects().follow(false).get("/api/v1/users").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Basic realm=\"Jobbmål\""))
                .header("Location", nullValue());
        given().redirects().follow(false).get("/api/v1/municipalities").then()
                .statusCode(401).header("WWW-Authenticate", containsString("Basic"));
        given().redirects().follow(false).auth().preemptive().basic("admin", "wrong-password-xyz")
                .get("/api/v1/municipalities").then()
                .statusCode(401).header("WWW-Authenticate", containsStringIgnoringCase("basic realm=")).header("Location", nullValue());
    }

    @Test
    void apiAcceptsBasicAndTheSessionCookie() {
        String name = Accounts.uniqueName("county");
        Accounts.create(name, Role.COUNTY_CODE, PASSWORD);
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then()
                .statusCode(200).body("code", org.hamcrest.Matchers.hasItem("3324"));
        String session = Accounts.session(name, PASSWORD);
        given().redirects().follow(false).cookie("jobbmal-session", session).get("/api/v1/municipalities").then()
                .statusCode(200);
        // A county user may not manage users.
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/users").then().statusCode(403);
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageWithAMessage() {
        String name = Accounts.uniqueName("lead");
        Accounts.create(name, Role.LEAD_CODE, PASSWORD);
        Response r = Accounts.formLogin(name, "not-the-password");
        assertEquals(302, r.statusCode());
        assertThat(r.getHeader("Location"), endsWith("/login?error=true"));
        assertEquals(null, r.getCookie("jobbmal-session"));
        given().get("/login?error=true").then().statusCode(200)
                .body(containsString("Innloggingen mislyktes"));
    }

    @Test
    void fiveFailuresLockTheUsernameEvenForTheRightPasswordWithTheSameAnswer() {
        String name = Accounts.uniqueName("lead");
        Accounts.create(name, Role.LEAD_CODE, PASSWORD);
        String wrongAnswer = null;
        for (int i = 0; i < 5; i++) {
            Response r = Accounts.formLogin(name, "wrong-password-" + i);
            assertEquals(302, r.statusCode());
            wrongAnswer = r.getHeader("Location");
        }
        Response locked = Accounts.formLogin(name, PASSWORD);
        assertEquals(302, locked.statusCode());
        assertEquals(wrongAnswer, locked.getHeader("Location"), "same answer as a wrong password");
        assertEquals(null, locked.getCookie("jobbmal-session"));
        // Basic is locked as well, with the same 401 as a wrong password.
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(401);
        // An unknown username gets exactly the same answer, locked or not.
        String ghost = Accounts.uniqueName("ghost");
        for (int i = 0; i < 6; i++) {
            Response r = Accounts.formLogin(ghost, PASSWORD);
            assertEquals(302, r.statusCode());
            assertEquals(wrongAnswer, r.getHeader("Location"));
        }
        // Every attempt for the user was recorded (5 failures; the refused ones are only logged).
        long failures = QuarkusTransaction.requiringNew().call(
                () -> LoginAttempt.count("username = ?1 and success = false", name));
        assertEquals(5, failures);
    }

    @Test
    void oldFailuresDoNotLockAndASuccessResetsTheCount() {
        String name = Accounts.uniqueName("lead");
        Accounts.create(name, Role.LEAD_CODE, PASSWORD);
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(31));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 5; i++) {
                LoginAttempt.record(name, false, longAgo.plusSeconds(i));
            }
        });
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(200);

        // Four failures, a success, four more failures: never five in a row, so not locked.
        for (int i = 0; i < 4; i++) {
            Accounts.formLogin(name, "wrong-" + i);
        }
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            Accounts.formLogin(name, "wrong-again-" + i);
        }
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(200);
        // One success row per username is kept (API clients log in on every call); recent failures stay.
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(
                () -> LoginAttempt.count("username = ?1 and success = true", name)));
        assertEquals(13L, (long) QuarkusTransaction.requiringNew().call(
                () -> LoginAttempt.count("username = ?1 and success = false", name)));
    }

    @Test
    void lockLastsFifteenMinutesAfterTheFifthFailure() {
        String name = Accounts.uniqueName("lead");
        Accounts.create(name, Role.LEAD_CODE, PASSWORD);
        Instant sixteenMinutesAgo = Instant.now().minus(Duration.ofMinutes(16));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 5; i++) {
                LoginAttempt.record(name, false, sixteenMinutesAgo.plusSeconds(i));
            }
        });
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(200);

        String other = Accounts.uniqueName("lead");
        Accounts.create(other, Role.LEAD_CODE, PASSWORD);
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 5; i++) {
                LoginAttempt.record(other, false, tenMinutesAgo.plusSeconds(i));
            }
        });
        given().auth().preemptive().basic(other, PASSWORD).get("/api/v1/municipalities").then().statusCode(401);
    }

    @Test
    void inactiveUserCannotLogInAndLosesAnOpenSession() {
        String name = Accounts.uniqueName("lead");
        Long id = Accounts.create(name, Role.LEAD_CODE, PASSWORD);
        String session = Accounts.session(name, PASSWORD);
        Accounts.setActive(id, false);

        Response form = Accounts.formLogin(name, PASSWORD);
        assertThat(form.getHeader("Location"), endsWith("/login?error=true"));
        given().auth().preemptive().basic(name, PASSWORD).get("/api/v1/municipalities").then().statusCode(401);
        given().redirects().follow(false).cookie("jobbmal-session", session).get("/").then()
                .statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).cookie("jobbmal-session", session).get("/api/v1/municipalities").then()
                .statusCode(401);
    }

    @Test
    void logoutRemovesTheSessionCookie() {
        String name = Accounts.uniqueName("board");
        Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        String session = Accounts.session(name, PASSWORD);
        Forms.Csrf csrf = Forms.csrf("/login");
        Response out = given().redirects().follow(false).cookie("jobbmal-session", session)
                .cookie(Forms.CSRF_COOKIE, csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam(Forms.CSRF_FIELD, csrf.token())
                .post("/logout");
        assertEquals(303, out.statusCode());
        assertThat(out.getHeader("Location"), endsWith("/login"));
        String cleared = out.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("jobbmal-session=")).findFirst().orElseThrow();
        assertTrue(cleared.contains("Max-Age=0"), cleared);
    }

    @Test
    void loginPageIsAvailableInBothLanguages() {
        given().get("/login").then().statusCode(200).body(containsString("Logg inn"))
                .body(containsString("j_security_check")).body(not(containsString("Log in")));
        given().cookie("jobbmal-lang", "en").get("/login").then().statusCode(200).body(containsString("Log in"));
    }

    private static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }
}
