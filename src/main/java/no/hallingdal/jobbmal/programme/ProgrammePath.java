package no.hallingdal.jobbmal.programme;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A programme's pages live under its prefix, {@code /p/{code}/…} (docs/architecture.md, "Programmes in the
 * URL"): this filter takes the prefix off before the request is matched, so {@code /p/sats-pa-hallingdal/results}
 * is served by the {@code /results} resource, and tells {@link ProgrammeScope} which programme it names.
 */
@Provider
@PreMatching
public class ProgrammePath implements ContainerRequestFilter {

    /** The prefix and the rest of the path; the rest keeps its leading slash (or is empty). */
    static final Pattern PREFIX = Pattern.compile("^/p/([^/]+)(/.*)?$");

    @Inject
    ProgrammeScope scope;

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        Matcher m = PREFIX.matcher(uri.getRawPath());
        if (!m.matches()) {
            return;
        }
        scope.fromPath(m.group(1));
        String rest = m.group(2) == null ? "/" : m.group(2);
        String query = uri.getRawQuery();
        request.setRequestUri(URI.create(rest + (query == null ? "" : "?" + query)));
    }
}
