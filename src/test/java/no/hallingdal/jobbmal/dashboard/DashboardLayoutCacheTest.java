package no.hallingdal.jobbmal.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.support.Accounts;
import no.hallingdal.jobbmal.support.Fixture;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's layout is cached per user, page and data version (common.PageShells): each user still
 * sees their own name, each request gets its own working CSRF token, the admin's pending count follows
 * the data, and a flash message is still shown.
 */
@QuarkusTest
class DashboardLayoutCacheTest {

    private static final String PASSWORD = "riktig-passord-123";
    private static final Pattern TOKEN = Pattern.compile("name=\"" + Forms.CSRF_FIELD + "\" value=\"([^\"]+)\"");
    private static final Pattern BADGE = Pattern.compile("<span class=\"badge\"[^>]*>(\\d+)<");

    @Inject
    EntityManager em;

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertTrue(m.find(), "the logout form has a CSRF token");
        return m.group(1);
    }

    private static int badge(String html) {
        Matcher m = BADGE.matcher(html);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    void eachUserSeesTheirOwnHeaderAndEachRequestItsOwnToken() {
        String a = Accounts.uniqueName("board");
        String b = Accounts.uniqueName("board");
        Accounts.create(a, "Astrid Aasen", Role.BOARD_CODE, PASSWORD);
        Accounts.create(b, "Bjørn Bakke", Role.BOARD_CODE, PASSWORD);
        String sa = Accounts.session(a, PASSWORD);
        String sb = Accounts.session(b, PASSWORD);

        for (int i = 0; i < 3; i++) { // the first renders the layout, the others reuse it
            Response ra = given().cookie("jobbmal-session", sa).get("/");
            Response rb = given().cookie("jobbmal-session", sb).get("/");
            assertEquals(200, ra.statusCode());
            assertTrue(ra.asString().contains("Astrid Aasen") && !ra.asString().contains("Bjørn Bakke"));
            assertTrue(rb.asString().contains("Bjørn Bakke") && !rb.asString().contains("Astrid Aasen"));
            // a request without a CSRF cookie gets a new token: in the cookie and in the logout form
            String cookieA = ra.getCookie(Forms.CSRF_COOKIE);
            String cookieB = rb.getCookie(Forms.CSRF_COOKIE);
            assertNotNull(cookieA);
            assertEquals(cookieA, token(ra.asString()));
            assertEquals(cookieB, token(rb.asString()));
            assertNotEquals(cookieA, cookieB);
        }
        // a request with its CSRF cookie gets its own token in the form (not a cached one), and it works
        Forms.Csrf mine = Forms.csrf("/login");
        String html = given().cookie("jobbmal-session", sa).cookie(Forms.CSRF_COOKIE, mine.cookie()).get("/").asString();
        String token = token(html);
        assertEquals(mine.token(), token);
        given().redirects().follow(false).cookie("jobbmal-session", sa).cookie(Forms.CSRF_COOKIE, mine.cookie())
                .contentType("application/x-www-form-urlencoded").formParam(Forms.CSRF_FIELD, token)
                .post("/logout").then().statusCode(303);
    }

    @Test
    void theAdminsPendingCountFollowsTheData() {
        String name = Accounts.uniqueName("admin");
        Accounts.create(name, Role.ADMIN_CODE, PASSWORD);
        String session = Accounts.session(name, PASSWORD);
        int before = badge(given().cookie("jobbmal-session", session).get("/").asString());
        assertEquals(before, badge(given().cookie("jobbmal-session", session).get("/").asString()));

        Fixture fx = new Fixture(em);
        long project = fx.project("Ventende " + name, "innovasjon", "5");
        fx.result(project, "3328", "innovasjon", "2023-06-01", "NEW_JOBS", "1.0", null, null, "PENDING", null, null,
                null); // raises the data version, as every write does

        assertEquals(before + 1, badge(given().cookie("jobbmal-session", session).get("/").asString()));
    }

    @Test
    void aFlashMessageIsShownOnTheCachedPage() {
        String name = Accounts.uniqueName("board");
        Accounts.create(name, Role.BOARD_CODE, PASSWORD);
        String session = Accounts.session(name, PASSWORD);
        given().cookie("jobbmal-session", session).get("/").then().statusCode(200); // the layout is cached
        String flash = Flash.cookie("password.changed").getValue();
        String html = given().cookie("jobbmal-session", session).cookie(Flash.COOKIE, flash).get("/").asString();
        assertTrue(html.contains("alert-success"), "the flash is shown");
        assertFalse(given().cookie("jobbmal-session", session).get("/").asString().contains("alert-success"));
    }
}
