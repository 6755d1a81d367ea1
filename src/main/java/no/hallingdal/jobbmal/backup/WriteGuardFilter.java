package no.hallingdal.jobbmal.backup;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import no.hallingdal.jobbmal.common.UnavailableException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Every request that may write (anything but GET, HEAD, OPTIONS, and logging out) is refused with 503 and the reason while the
 * database's folder is full or not writable ({@link StorageGuard}); pages and API reads keep working.
 */
public class WriteGuardFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Logging out always clears the cookie; it deletes the session row only when the disk can take it. */
    private static final Set<String> NO_WRITE = Set.of("/logout");

    @Inject
    StorageGuard guard;

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        if (READS.contains(request.getMethod()) || NO_WRITE.contains(request.getUriInfo().getPath())) {
            return;
        }
        StorageGuard.State s = guard.state();
        if (!s.writable()) {
            throw new UnavailableException(s.reasonKey(), s.args());
        }
    }
}
