package no.hallingdal.jobbmal.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in through the organisation against a real Keycloak (started once for this class by
 * {@link KeycloakResource}): in Chromium through Keycloak's own login page to the dashboard as the matched
 * Jobbmål user, the refusals (unknown e-mail, deactivated user, unverified e-mail), logout (with the
 * provider's logout), and a copied session cookie refused after logout.
 */
@QuarkusTest
@Tag("browser")
@ExtendWith(KeycloakResource.Parts.class)
@WithTestResource(KeycloakResource.class)
class OidcKeycloakTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void signInThroughKeycloakLandsOnTheDashboardAsTheMatchedUserAndLogoutEndsTheSession() {
        String username = Accounts.uniqueName("kari");
        // Matched ignoring case; the role (board) and the name come from Jobbmål, not from Keycloak.
        Long id = userWithEmail(username, "Kari Nordmann i Jobbmål", Role.BOARD_CODE, "Kari.Nordmann@Example.ORG", true);
        try (Browser browser = Browser.open(base)) {
            signIn(browser, KeycloakResource.KARI);
            waitForPath(browser, "/p/sats-pa-hallingdal/");
            String header = browser.driver.findElement(By.className("user-name")).getText();
            assertTrue(header.contains("Kari Nordmann i Jobbmål"), header);
            Cookie session = browser.driver.manage().getCookieNamed("jobbmal-session");
            assertNotNull(session, "a Jobbmål session cookie");
            assertNull(browser.driver.manage().getCookieNamed("q_session"), "the provider's session cookie is dropped");
            given().cookie("jobbmal-session", session.getValue()).get("/api/v1/municipalities").then().statusCode(200);
            given().redirects().follow(false).cookie("jobbmal-session", session.getValue()).get("/admin/users").then()
                    .statusCode(403);
            User u = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id));
            assertNotNull(u.oidcSubject, "the provider's subject is recorded");
            assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(
                    () -> UserSession.count("user.id = ?1 and method = 'oidc'", id)));

            browser.get("/account/password");
            assertTrue(browser.driver.findElement(By.id("sessions")).getText().contains("Via organisasjonen"));
            browser.screenshot("min-konto-oidc");

            // Logout ends the session on the server and offers the provider's logout.
            browser.driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
            waitForPath(browser, "/login");
            browser.screenshot("logged-out-oidc");
            browser.driver.findElement(By.id("provider-logout")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                    d -> d.getCurrentUrl().startsWith(base.toString()) && d.getCurrentUrl().contains("/login"));
            assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> UserSession.count("user.id = ?1", id)));

            // A copy of the cookie taken before logout is refused.
            given().redirects().follow(false).cookie("jobbmal-session", session.getValue()).get("/").then()
                    .statusCode(302).header("Location", endsWith("/login"));
            given().redirects().follow(false).cookie("jobbmal-session", session.getValue()).get("/api/v1/municipalities")
                    .then().statusCode(401);

            // The provider's session ended too: signing in again asks for the password.
            browser.get("/login");
            browser.driver.findElement(By.id("oidc-login")).click();
            browser.waitFor(By.id("username"));
        }
    }

    @Test
    void unknownEmailIsRefusedWithoutSessionOrNewUser() {
        long usersBefore = QuarkusTransaction.requiringNew().call(() -> User.count());
        try (Browser browser = Browser.open(base)) {
            signIn(browser, KeycloakResource.STRANGER);
            browser.waitFor(By.id("oidc-refused"));
            assertTrue(browser.driver.findElement(By.id("oidc-refused")).getText().contains("Ingen bruker i Jobbmål"));
            assertTrue(browser.driver.getPageSource().contains("daglig leder"), "says whom to ask");
            assertNull(browser.driver.manage().getCookieNamed("jobbmal-session"));
        }
        assertEquals(usersBefore, (long) QuarkusTransaction.requiringNew().call(() -> User.count()), "no user created");
    }

    @Test
    void deactivatedUserIsRefusedInTheUsersLanguage() {
        String username = Accounts.uniqueName("former");
        userWithEmail(username, "Tidligere Bruker", Role.LEAD_CODE, KeycloakResource.FORMER_EMAIL, false);
        try (Browser browser = Browser.open(base)) {
            browser.get("/lang/en?return=/login");
            signIn(browser, KeycloakResource.FORMER);
            browser.waitFor(By.id("oidc-refused"));
            assertTrue(browser.driver.findElement(By.id("oidc-refused")).getText().contains("has been deactivated"));
            assertNull(browser.driver.manage().getCookieNamed("jobbmal-session"));
        }
    }

    @Test
    void unverifiedEmailIsRefused() {
        String username = Accounts.uniqueName("unverified");
        Long id = userWithEmail(username, "Ubekreftet Bruker", Role.LEAD_CODE, KeycloakResource.UNVERIFIED_EMAIL, true);
        try (Browser browser = Browser.open(base)) {
            signIn(browser, KeycloakResource.UNVERIFIED);
            browser.waitFor(By.id("oidc-refused"));
            assertTrue(browser.driver.findElement(By.id("oidc-refused")).getText().contains("ikke bekreftet"));
            assertNull(browser.driver.manage().getCookieNamed("jobbmal-session"));
        }
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> UserSession.count("user.id = ?1", id)));
    }

    @Test
    void loginPageShowsTheButtonAboveTheLocalForm() {
        String html = given().get("/login").then().statusCode(200).extract().asString();
        int button = html.indexOf("id=\"oidc-login\"");
        assertTrue(button > 0 && button < html.indexOf("j_security_check"), "button above the form");
        assertTrue(html.contains(KeycloakResource.LABEL));
        assertFalse(html.contains("provider-logout"));
    }

    /** From the login page through Keycloak's own login form. */
    private static void signIn(Browser browser, String keycloakUser) {
        browser.get("/login");
        browser.driver.findElement(By.id("oidc-login")).click();
        browser.waitFor(By.id("username"));
        String url = browser.driver.getCurrentUrl();
        assertTrue(url.contains("code_challenge_method=S256") && url.contains("code_challenge="), "PKCE: " + url);
        browser.driver.findElement(By.id("username")).sendKeys(keycloakUser);
        browser.driver.findElement(By.id("password")).sendKeys(KeycloakResource.PASSWORD);
        browser.driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    private void waitForPath(Browser browser, String path) {
        String url = base.toString().replaceAll("/$", "") + path;
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().equals(url)
                || d.getCurrentUrl().startsWith(url + "?"));
    }

    private static Long userWithEmail(String username, String name, String role, String email, boolean active) {
        Long id = Accounts.create(username, name, role, "lokalt-passord-123");
        QuarkusTransaction.requiringNew().run(() -> {
            User u = User.findById(id);
            u.email = email;
            u.active = active;
        });
        return id;
    }
}
