package no.hallingdal.jobbmal.common;

import jakarta.ws.rs.core.NewCookie;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A one-time message shown on the page after a Post/Redirect/Get: a short-lived cookie holding a
 * message key and one optional argument. {@link FlashFilter} clears it once a page has shown it.
 */
public final class Flash {

    public static final String COOKIE = "jobbmal-flash";
    private static final char SEP = '\u001f';

    private Flash() {
    }

    public static NewCookie cookie(String messageKey) {
        return cookie(messageKey, null);
    }

    public static NewCookie cookie(String messageKey, String arg) {
        String raw = arg == null ? messageKey : messageKey + SEP + arg;
        return new NewCookie.Builder(COOKIE)
                .value(URLEncoder.encode(raw, StandardCharsets.UTF_8))
                .path("/")
                .maxAge(120)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    /** Decodes a cookie value into key and argument (argument may be null); null when malformed. */
    public static String[] decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = URLDecoder.decode(value, StandardCharsets.UTF_8);
            int i = raw.indexOf(SEP);
            return i < 0 ? new String[] {raw, null} : new String[] {raw.substring(0, i), raw.substring(i + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
