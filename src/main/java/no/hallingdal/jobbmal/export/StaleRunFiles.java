package no.hallingdal.jobbmal.export;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes the sorted runs an export left in the temporary folder when its JVM died mid-export (a crash, a
 * kill -9, a power cut: {@link ResultSort#close()} deletes them in every other case). At each start it removes
 * the {@code jobbmal-export*.run} files older than {@link #MAX_AGE}; an export takes seconds, so a file that old
 * belongs to no running export, also not to another instance sharing the folder.
 */
@ApplicationScoped
public class StaleRunFiles {

    static final String PREFIX = "jobbmal-export";
    static final String SUFFIX = ".run";
    static final Duration MAX_AGE = Duration.ofHours(6);

    private static final Logger LOG = Logger.getLogger(StaleRunFiles.class);

    void onStart(@Observes StartupEvent event) {
        int deleted = deleteOlderThan(Path.of(System.getProperty("java.io.tmpdir")), Instant.now().minus(MAX_AGE));
        if (deleted > 0) {
            LOG.infof("Deleted %d temporary export file(s) left by an export that did not end", deleted);
        }
    }

    /** Deletes the run files in {@code dir} last modified before {@code cutoff}; returns how many. Never throws. */
    static int deleteOlderThan(Path dir, Instant cutoff) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
                            && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.debugf("Could not delete %s: %s", file, e);
                }
            }
        } catch (IOException e) {
            LOG.debugf("Could not list %s: %s", dir, e);
        }
        return deleted;
    }
}
