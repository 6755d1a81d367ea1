package no.hallingdal.jobbmal.support;

import io.restassured.response.Response;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Posts HTML forms the way a browser does: first GETs a page to obtain the CSRF cookie and the token in
 * its hidden field, then posts the form with both. Redirects are not followed, so the 303 of
 * Post/Redirect/Get can be asserted.
 */
public final class Forms {

    public static final String CSRF_COOKIE = "jobbmal-csrf";
    public static final String CSRF_FIELD = "csrf-token";
    private static final Pattern TOKEN = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");

    private Forms() {
    }

    public record Csrf(String cookie, String token) {
    }

    /** GETs {@code pagePath} and returns the CSRF cookie and form token it carries. */
    public static Csrf csrf(String pagePath) {
        // a wave-1 page URL redirects to the programme's page, which carries the token
        Response page = given().redirects().follow(true).get(pagePath);
        String cookie = page.getCookie(CSRF_COOKIE);
        Matcher m = TOKEN.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + pagePath + " (status " + page.statusCode() + ")");
        }
        return new Csrf(cookie, m.group(1));
    }

    /** Posts a form to {@code action} with a CSRF token taken from {@code pagePath}. */
    public static Response post(String pagePath, String action, Map<String, ?> fields) {
        Csrf csrf = csrf(pagePath);
        var spec = given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam(CSRF_FIELD, csrf.token());
        if (csrf.cookie() != null) {
            spec = spec.cookie(CSRF_COOKIE, csrf.cookie());
        }
        for (var e : fields.entrySet()) {
            if (e.getValue() instanceof Iterable<?> values) {
                for (Object v : values) {
                    spec = spec.formParam(e.getKey(), v);
                }
            } else if (e.getValue() != null) {
                spec = spec.formParam(e.getKey(), e.getValue());
            }
        }
        return spec.post(action);
    }
}
