package no.hallingdal.jobbmal.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import no.hallingdal.jobbmal.support.Forms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every kind of answer carries the security headers: pages, API, static files, errors, challenges. */
@QuarkusTest
class SecurityHeadersTest {

    @org.junit.jupiter.api.BeforeEach
    void lead() {
        no.hallingdal.jobbmal.result.ResultTestData.user("admin-headers-lead", "lead");
    }

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    static Stream<Arguments> answers() {
        Function<RequestSpecification, Response> page = s -> s.get("/");
        return Stream.of(
                Arguments.of("page", 200, (Function<RequestSpecification, Response>) s -> s.get("/p/sats-pa-hallingdal/")),
                Arguments.of("redirect to the programme", 303, (Function<RequestSpecification, Response>) s -> s.get("/")),
                Arguments.of("login page", 200, (Function<RequestSpecification, Response>) s -> s.get("/login")),
                Arguments.of("api", 200, (Function<RequestSpecification, Response>) s -> s.get("/api/v1/focus-areas")),
                Arguments.of("static css", 200, (Function<RequestSpecification, Response>) s -> s.get("/css/jobbmal.css")),
                Arguments.of("favicon", 200, (Function<RequestSpecification, Response>) s -> s.get("/favicon.svg")),
                Arguments.of("404 page", 404, (Function<RequestSpecification, Response>) s -> s.get("/no-such-page")),
                Arguments.of("404 api", 404, (Function<RequestSpecification, Response>) s -> s.get("/api/v1/nothing")),
                Arguments.of("404 static", 404, (Function<RequestSpecification, Response>) s -> s.get("/css/nothing.css")),
                Arguments.of("403", 403, (Function<RequestSpecification, Response>) s -> s.get("/admin/users")),
                Arguments.of("csrf 400", 400, (Function<RequestSpecification, Response>) s -> s
                        .contentType("application/x-www-form-urlencoded").formParam("x", "y").post("/logout")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    @TestSecurity(user = "admin-headers-lead", roles = "lead")
    void headersOnEveryAnswer(String what, int status, Function<RequestSpecification, Response> call) {
        Response r = call.apply(given().redirects().follow(false));
        assertEquals(status, r.statusCode(), what);
        assertHeaders(r);
    }

    @org.junit.jupiter.api.Test
    void headersOnChallengesAndRedirects() {
        Response api401 = given().redirects().follow(false).get("/api/v1/focus-areas");
        assertEquals(401, api401.statusCode());
        assertHeaders(api401);
        Response redirect = given().redirects().follow(false).get("/");
        assertEquals(302, redirect.statusCode());
        assertHeaders(redirect);
        Response badLogin = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "nobody-here").formParam("j_password", "nothing-at-all").post("/j_security_check");
        assertEquals(302, badLogin.statusCode());
        assertHeaders(badLogin);
    }

    @org.junit.jupiter.api.Test
    @TestSecurity(user = "admin", roles = "admin")
    void postWithoutValidCsrfTokenChangesNothingAndExplains() {
        String name = no.hallingdal.jobbmal.support.Accounts.uniqueName("csrf");
        Forms.Csrf csrf = Forms.csrf("/admin/users/new");
        // No token at all.
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", name).formParam("displayName", "X").formParam("role", "board")
                .formParam("password", "et-godt-passord-1").post("/admin/users")
                .then().statusCode(400).contentType("text/html")
                .body(org.hamcrest.Matchers.containsString("Skjemaet kunne ikke sendes"))
                .body(org.hamcrest.Matchers.containsString("ingenting er lagret"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
        // A token that does not match the cookie.
        given().redirects().follow(false).cookie(Forms.CSRF_COOKIE, csrf.cookie())
                .contentType("application/x-www-form-urlencoded").formParam(Forms.CSRF_FIELD, "forged" + csrf.token())
                .formParam("username", name).formParam("displayName", "X").formParam("role", "board")
                .formParam("password", "et-godt-passord-1").post("/admin/users")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("Skjemaet kunne ikke sendes"));
        assertFalse(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> no.hallingdal.jobbmal.account.User.findByUsername(name).isPresent()));
        // The same form with the right token works.
        Forms.post("/admin/users/new", "/admin/users", java.util.Map.of("username", name, "displayName", "X",
                "role", "board", "password", "et-godt-passord-1")).then().statusCode(303);
    }

    @org.junit.jupiter.api.Test
    void csrfCookieIsHttpOnlyAndSameSiteLax() {
        Response r = given().get("/login");
        String cookie = r.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Forms.CSRF_COOKIE + "=")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        org.junit.jupiter.api.Assertions.assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }

    static void assertHeaders(Response r) {
        assertEquals(CSP, r.getHeader("Content-Security-Policy"));
        assertEquals("nosniff", r.getHeader("X-Content-Type-Options"));
        assertEquals("same-origin", r.getHeader("Referrer-Policy"));
        assertEquals("DENY", r.getHeader("X-Frame-Options"));
        assertNotNull(r.getHeader("Content-Security-Policy"));
        assertFalse(r.getHeader("Content-Security-Policy").contains("unsafe"));
    }
}
