package no.hallingdal.jobbmal.common;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * The language of the current request: the {@value #COOKIE} cookie set by the language switch, else
 * the first of nb/no/nn/en in Accept-Language, else Norwegian bokmål.
 */
@RequestScoped
public class RequestLocale {

    public static final String COOKIE = "jobbmal-lang";

    @Inject
    HttpServerRequest request;

    private Locale locale;

    public Locale get() {
        if (locale == null) {
            locale = resolve(cookieValue(), request == null ? null : request.getHeader("Accept-Language"));
        }
        return locale;
    }

    public String language() {
        return Messages.isEnglish(get()) ? "en" : "nb";
    }

    private String cookieValue() {
        if (request == null) {
            return null;
        }
        Cookie c = request.getCookie(COOKIE);
        return c == null ? null : c.getValue();
    }

    /** Pure resolution rule, unit-tested. */
    public static Locale resolve(String cookie, String acceptLanguage) {
        if ("en".equals(cookie)) {
            return Messages.EN;
        }
        if ("nb".equals(cookie)) {
            return Messages.NB;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                for (Locale.LanguageRange r : ranges) {
                    String lang = r.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (r.getWeight() <= 0) {
                        continue;
                    }
                    if (lang.equals("en")) {
                        return Messages.EN;
                    }
                    if (lang.equals("nb") || lang.equals("no") || lang.equals("nn")) {
                        return Messages.NB;
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header falls back to the default
            }
        }
        return Messages.NB;
    }
}
