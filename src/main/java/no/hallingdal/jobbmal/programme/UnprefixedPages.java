package no.hallingdal.jobbmal.programme;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Wave-1 page URLs keep working: a page of a programme asked for without the prefix (e.g. {@code GET /results})
 * is redirected to the programme's page ({@code /p/sats-pa-hallingdal/results}) when the instance has one
 * programme, and to the programme chooser when it has several. Only HTML pages are redirected: downloads and the
 * API keep answering at their wave-1 URLs, and so do form posts (they act on the only programme).
 */
@Provider
public class UnprefixedPages implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    ProgrammeScope scope;

    @Inject
    ProgrammeAccess access;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod()) || scope.prefixed() || resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(InProgramme.class)
                || !producesHtml(resource.getResourceMethod(), resource.getResourceClass())) {
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        Optional<Programme> only = access.onlyProgramme();
        String target = only.map(p -> ProgrammeScope.base(p) + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())).orElse(ProgrammeChooser.PATH);
        request.abortWith(Response.seeOther(URI.create(target)).build());
    }

    private static boolean producesHtml(Method method, Class<?> type) {
        Produces p = method != null && method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                : type.getAnnotation(Produces.class);
        return p != null && Arrays.stream(p.value()).anyMatch(v -> v.startsWith(MediaType.TEXT_HTML));
    }
}
