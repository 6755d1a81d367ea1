package no.hallingdal.jobbmal.account;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Safety net for {@link ApiChallengeMechanism}: when the form mechanism itself answers an API request
 * with its redirect to the login page (it does so when a session cookie can no longer be restored, e.g.
 * the user was deactivated), the answer becomes the API's {@code 401} with the Basic challenge. The JSON
 * API never redirects to a login page.
 */
@ApplicationScoped
public class ApiNeverRedirects {

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 10).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                var response = rc.response();
                String location = response.headers().get("Location");
                if (response.getStatusCode() / 100 == 3 && location != null && location.contains("/login")) {
                    response.setStatusCode(401);
                    response.headers().remove("Location");
                    response.headers().set("WWW-Authenticate", "Basic realm=\"" + ApiChallengeMechanism.REALM + "\"");
                }
            });
            rc.next();
        });
    }
}
