package no.hallingdal.jobbmal.backup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import no.hallingdal.jobbmal.common.StorageFailures;
import no.hallingdal.jobbmal.common.UnavailableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Crash safety of the embedded H2 database: H2 writes committed transactions to its file from a background
 * thread up to half a second later, so a process killed in that time lost changes already answered as saved.
 * Before a successful answer to a request that may have written, this writes them out ({@code CHECKPOINT}:
 * the operating system then has them). One checkpoint covers every transaction committed before it started,
 * so parallel requests share it (group commit) and H2's background thread keeps compacting the file. No
 * {@code fsync}: a power loss can still lose the last seconds (docs/deployment.md, "Crash safety").
 */
@ApplicationScoped
public class DurableAnswers {

    private static final Logger LOG = Logger.getLogger(DurableAnswers.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    StorageGuard guard;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    private Boolean embedded;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicLong asked = new AtomicLong();
    private volatile long written;

    @ServerResponseFilter
    public void beforeAnswer(ContainerRequestContext request, ContainerResponseContext response) {
        if (READS.contains(request.getMethod()) || response.getStatus() >= 400 || !embedded()
                || io.vertx.core.Context.isOnEventLoopThread()) {
            return;
        }
        if (!writeOut()) {
            // the change is committed but not in the file, and H2 has closed: after the restart it is gone
            throw new UnavailableException("error.unavailable.storage");
        }
    }

    private boolean embedded() {
        if (embedded == null) {
            embedded = StorageGuard.directory(jdbcUrl.orElse("")).isPresent();
        }
        return embedded;
    }

    /**
     * Returns once every transaction committed before the call is in the database file: true, or false when
     * H2 failed to write it for lack of storage.
     */
    boolean writeOut() {
        long ticket = asked.incrementAndGet();
        writing.lock();
        try {
            if (written >= ticket) {
                return true; // a checkpoint that started after this request's commit has finished
            }
            long upTo = asked.get();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
            written = upTo;
            return true;
        } catch (SQLException e) {
            // H2's background thread writes it within half a second unless the disk refuses (StorageGuard)
            LOG.errorf(e, "Could not write committed changes to the database file at once");
            if (StorageFailures.isStorageFailure(e)) {
                guard.failed();
                return false;
            }
            return true;
        } finally {
            writing.unlock();
        }
    }
}
