package no.hallingdal.jobbmal.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Messages;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health} (and {@code /q/health/ready}) report DOWN, with the reason, while the database's folder is
 * full or not writable: a load balancer then stops sending traffic here. Liveness stays UP (restarting
 * would not free the disk).
 */
@Readiness
@ApplicationScoped
public class StorageHealthCheck implements HealthCheck {

    @Inject
    StorageGuard guard;

    @Inject
    Messages messages;

    @Override
    public HealthCheckResponse call() {
        StorageGuard.State s = guard.state();
        var r = HealthCheckResponse.named("storage").status(s.writable());
        if (!s.writable()) {
            r.withData("reason", messages.get(Messages.EN, s.reasonKey(), s.args()));
        }
        return r.build();
    }
}
