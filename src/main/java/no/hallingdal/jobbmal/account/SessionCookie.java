package no.hallingdal.jobbmal.account;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.ws.rs.core.NewCookie;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The session cookie ({@code jobbmal-session}: the session's random token, {@code HttpOnly},
 * {@code SameSite=Lax}, {@code Secure} over HTTPS; a browser-session cookie, the server decides when the
 * session ends) and the cookie that remembers the page asked for before the login.
 */
final class SessionCookie {

    static final String NAME = "jobbmal-session";
    /** The page to return to after the login (the name Quarkus' form login used, kept for clients). */
    static final String RETURN_TO = "quarkus-redirect-location";

    private SessionCookie() {
    }

    static Cookie of(String token, boolean secure) {
        return Cookie.cookie(NAME, token).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX).setSecure(secure);
    }

    static Cookie cleared(String name) {
        return Cookie.cookie(name, "").setPath("/").setMaxAge(0).setHttpOnly(true).setSameSite(CookieSameSite.LAX);
    }

    static NewCookie newCookie(String token, boolean secure) {
        return new NewCookie.Builder(NAME).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    static NewCookie newCleared() {
        return new NewCookie.Builder(NAME).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    static Cookie returnTo(String pathAndQuery) {
        return Cookie.cookie(RETURN_TO, URLEncoder.encode(pathAndQuery, StandardCharsets.UTF_8)).setPath("/")
                .setHttpOnly(true).setSameSite(CookieSameSite.LAX);
    }

    /** The page to return to: a path on this site only (never another host), else the dashboard. */
    static String safeReturnPath(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return "/";
        }
        String path;
        try {
            path = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "/";
        }
        boolean local = path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        return local && path.length() <= 2000 && !path.startsWith("/login") ? path : "/";
    }
}
