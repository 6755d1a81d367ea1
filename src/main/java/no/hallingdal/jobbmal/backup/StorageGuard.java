package no.hallingdal.jobbmal.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.common.WritableStorage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whether the embedded database's folder can take writes: it must be writable and have at least
 * {@code jobbmal.storage.min-free} free. Checked before every write request ({@link WriteGuardFilter}) and by
 * the health check, so a full or read-only disk stops writes with a clear 503 <em>before</em> H2 fails in the
 * middle of writing its file (which closes the database for reads too). Reads go on. Looked at most once a
 * second. Only for an H2 file database: PostgreSQL reports its own full disk on the write itself.
 */
@ApplicationScoped
public class StorageGuard implements WritableStorage {

    private static final Logger LOG = Logger.getLogger(StorageGuard.class);

    /** Writable, or the message key and arguments that say why not. */
    public record State(boolean writable, String reasonKey, Object[] args) {
        static final State OK = new State(true, null, new Object[0]);
    }

    static final String PROBE = ".jobbmal-write-probe";
    private static final long RECHECK_NANOS = 1_000_000_000L;

    @Inject
    JobbmalConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    private final ReentrantLock looking = new ReentrantLock();
    private volatile State state;
    private volatile long checkedAt;
    /** Set for good once H2 has failed to write its file (a restart is needed). */
    private volatile State failedAt;

    @Override
    public boolean writable() {
        return state().writable();
    }

    /**
     * H2 closes its database for good when a write of its file fails (the disk filled between two looks of the
     * guard, or another program took the margin): from then on every change is refused with a reason that says
     * to restart, which opens the database again from its file with everything written before the failure
     * (docs/deployment.md, "A full disk"). Reopening it inside the running app was tried and lost changes.
     */
    @Override
    public void failed() {
        Optional<Path> dir = directory(jdbcUrl.orElse(""));
        if (dir.isPresent() && failedAt == null) {
            failedAt = new State(false, "backup.storage.failed", new Object[] {dir.get()});
            LOG.error("The embedded database failed to write its file and has closed: free space in " + dir.get()
                    + " and restart the app");
        }
    }

    public State state() {
        if (failedAt != null) {
            return failedAt;
        }
        State s = state;
        if (s != null && System.nanoTime() - checkedAt <= RECHECK_NANOS) {
            return s;
        }
        // one request looks; the others meanwhile go by the last look
        if (s != null && !looking.tryLock()) {
            return s;
        }
        if (s == null) {
            looking.lock();
        }
        try {
            if (state == null || System.nanoTime() - checkedAt > RECHECK_NANOS) {
                state = directory(jdbcUrl.orElse("")).map(d -> inspect(d, config.storage().minFree().asLongValue()))
                        .orElse(State.OK);
                checkedAt = System.nanoTime();
            }
            return state;
        } finally {
            looking.unlock();
        }
    }

    /** The folder of an H2 file database's URL ({@code jdbc:h2:file:./data/jobbmal;...} gives {@code ./data}). */
    static Optional<Path> directory(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (!u.startsWith("jdbc:h2:") || u.startsWith("jdbc:h2:mem:") || u.startsWith("jdbc:h2:tcp:")
                || u.startsWith("jdbc:h2:ssl:")) {
            return Optional.empty();
        }
        String path = url.substring("jdbc:h2:".length());
        if (path.toLowerCase(Locale.ROOT).startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path parent = Path.of(path).toAbsolutePath().normalize().getParent();
        return Optional.ofNullable(parent);
    }

    /** Looks at the folder: it exists, enough space is left, and a file can be written in it. */
    static State inspect(Path dir, long minFree) {
        if (!Files.isDirectory(dir)) {
            return new State(false, "backup.storage.missing", new Object[] {dir});
        }
        long free = dir.toFile().getUsableSpace();
        if (free < minFree) {
            return new State(false, "backup.storage.full", new Object[] {dir, free / (1024 * 1024), minFree / (1024 * 1024)});
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(dir, PROBE, ".tmp");
            Files.write(probe, new byte[] {1});
        } catch (IOException e) {
            return new State(false, "backup.storage.unwritable", new Object[] {dir});
        } finally {
            deleteQuietly(probe);
        }
        return State.OK;
    }

    private static void deleteQuietly(Path probe) {
        if (probe == null) {
            return;
        }
        try {
            Files.deleteIfExists(probe);
        } catch (IOException ignored) {
            // a probe file left in an unwritable folder is removed by the next successful look
        }
    }
}
