package no.hallingdal.jobbmal.common;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * With {@code jobbmal.secure-cookies=true}, every cookie the service sets is marked {@code Secure}: the
 * cookies set through Vert.x (the session, the CSRF token, the login redirect) and the ones set as raw
 * {@code Set-Cookie} headers (flash message, language). Without it, the session cookie is still
 * {@code Secure} whenever the request came over HTTPS (directly, or through a proxy that forwards
 * {@code X-Forwarded-Proto} with {@code quarkus.http.proxy.proxy-address-forwarding=true}).
 */
@ApplicationScoped
public class SecureCookies {

    @Inject
    JobbmalConfig config;

    void install(@Observes Router router) {
        if (!config.secureCookies()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                for (Cookie c : rc.request().cookies()) {
                    if (c instanceof ServerCookie sc && sc.isChanged()) {
                        c.setSecure(true);
                    }
                }
                var headers = rc.response().headers();
                List<String> raw = headers.getAll("Set-Cookie");
                if (!raw.isEmpty()) {
                    List<String> secured = raw.stream()
                            .map(h -> h.toLowerCase(Locale.ROOT).contains("; secure") ? h : h + "; Secure")
                            .toList();
                    headers.remove("Set-Cookie");
                    secured.forEach(h -> headers.add("Set-Cookie", h));
                }
            });
            rc.next();
        });
    }
}
