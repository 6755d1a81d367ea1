package no.hallingdal.jobbmal.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Closes the gap the CSRF form check leaves: every request that can change something must say what it
 * sends. Pages take only HTML forms (urlencoded or multipart, which the CSRF filter checks for the
 * token); the JSON API takes only {@code application/json} (and the import {@code text/csv}), types a
 * page on another site cannot send without a CORS preflight, which this service never allows. A
 * missing or other Content-Type is refused with 415 before anything runs.
 */
public class ContentTypeGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        MediaType type = request.getMediaType();
        boolean ok;
        if (path.startsWith("/api/")) {
            ok = type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                    || ("text".equals(type.getType()) && "csv".equals(type.getSubtype()) && path.endsWith("/import")));
        } else {
            ok = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                    || (type.getType().equals("multipart") && type.getSubtype().equals("form-data")));
        }
        if (ok) {
            return null;
        }
        return Response.status(415).type(path.startsWith("/api/") ? ErrorMappers.PROBLEM_JSON : "text/plain;charset=UTF-8")
                .entity(path.startsWith("/api/")
                        ? "{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\",\"status\":415,"
                                + "\"detail\":\"Send application/json (text/csv for the import).\",\"errors\":[]}"
                        : "Skjemaet må sendes som et vanlig HTML-skjema. / The form must be sent as an HTML form.")
                .build();
    }
}
