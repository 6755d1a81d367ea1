package no.hallingdal.jobbmal.account;

import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.UnavailableException;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The login form's post, {@code POST /j_security_check} with {@code j_username} and {@code j_password}
 * (the address and fields of Quarkus' form login, which scripts and clients use). On success a new
 * server-side session ({@link SessionService#passwordLogin}), its cookie and a 302 to the page asked for;
 * on failure a 302 to {@code /login?error=true}, the same for every reason (wrong password, unknown user,
 * lockout). A Vert.x route rather than a resource, like the form login it replaces.
 */
@ApplicationScoped
public class LoginFormRoute {

    private static final Logger LOG = Logger.getLogger(LoginFormRoute.class);
    static final String PATH = "/j_security_check";
    static final String FAILED = "/login?error=true";
    static final String UNAVAILABLE_CODE = "unavailable";

    @Inject
    SessionService sessions;

    void install(@Observes Router router) {
        router.post(PATH).handler(this::readForm);
    }

    private void readForm(RoutingContext rc) {
        rc.request().setExpectMultipart(true);
        rc.request().resume();
        rc.request().endHandler(v -> {
            MultiMap form = rc.request().formAttributes();
            String username = form.get("j_username");
            String password = form.get("j_password");
            String userAgent = rc.request().getHeader(HttpHeaders.USER_AGENT);
            rc.vertx().executeBlocking(() -> sessions.passwordLogin(username, password, userAgent), false)
                    .onComplete(done -> {
                        if (done.failed() && done.cause() instanceof UnavailableException) {
                            rc.response().setStatusCode(302)
                                    .putHeader(HttpHeaders.LOCATION, "/login?error=" + UNAVAILABLE_CODE).end();
                        } else if (done.failed()) {
                            LOG.error("Login failed with an error", done.cause());
                            rc.fail(500);
                        } else {
                            answer(rc, done.result());
                        }
                    });
        });
        rc.request().exceptionHandler(rc::fail);
    }

    private static void answer(RoutingContext rc, Optional<SessionService.Started> started) {
        var response = rc.response();
        if (started.isEmpty()) {
            response.setStatusCode(302).putHeader(HttpHeaders.LOCATION, FAILED).end();
            return;
        }
        Cookie back = rc.request().getCookie(SessionCookie.RETURN_TO);
        String target = SessionCookie.safeReturnPath(back == null ? null : back.getValue());
        boolean https = "https".equalsIgnoreCase(rc.request().scheme());
        response.addCookie(SessionCookie.of(started.get().token(), https));
        if (back != null) {
            response.addCookie(SessionCookie.cleared(SessionCookie.RETURN_TO));
        }
        response.setStatusCode(302).putHeader(HttpHeaders.LOCATION, target).end();
    }
}
