package no.hallingdal.jobbmal.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;

/**
 * quarkus-rest-csrf rejects a form post without a valid token with a bare 400 (the request never reaches
 * the resource, so nothing changes). This gives that answer a clear page in the user's language (or
 * problem+json under /api), without any technical detail.
 */
public class CsrfErrorFilter {

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    @ServerResponseFilter
    public void explainRejectedForm(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity()) {
            return;
        }
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return;
        }
        String title = messages.get(locale.get(), "csrf.title");
        String message = messages.get(locale.get(), "csrf.message");
        String path = request.getUriInfo().getPath();
        if (path != null && path.startsWith("/api/")) {
            response.setEntity(new ErrorMappers.Problem("about:blank", title, 400, message, List.of(), null), null,
                    MediaType.valueOf(ErrorMappers.PROBLEM_JSON));
            return;
        }
        // Shown without the logged-in header: the rejected request has no CSRF token for the logout form.
        Page page = new Page(messages, locale.get(), title, "", Pages.Header.NONE, null, path, null, 0);
        response.setEntity(ErrorMappers.Templates.error(page, 400, message, null).render(), null,
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
