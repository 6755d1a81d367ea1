package no.hallingdal.jobbmal.backup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.common.UnavailableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Takes backups (on demand and on schedule), lists them, hands one out for download and keeps only the newest
 * {@code jobbmal.backup.keep}. One backup at a time per instance. Files are created readable by their owner
 * only (they hold password hashes and personal data), written under a temporary name, flushed to disk and then
 * renamed, so a listed backup is always complete. A failure is logged as an error and kept for the admin page.
 */
@ApplicationScoped
public class BackupService {

    @Inject
    CurrentUser currentUser;

    private static final Logger LOG = Logger.getLogger(BackupService.class);
    static final Pattern NAME = Pattern.compile("jobbmal-backup-\\d{8}T\\d{9}Z\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** One backup file as listed: its name, when it was taken, its size and rows (-1 when unreadable). */
    public record BackupFile(String name, Instant takenAt, long bytes, long rows, String schemaVersion) {
        /** The size in kB, rounded up (for the page). */
        public long kilobytes() {
            return (bytes + 1023) / 1024;
        }
    }

    /** The last failed backup: when and why (shown on the admin page until a backup succeeds). */
    public record Failure(Instant at, String reason) {
    }

    /** The daily backup as configured: on or off, at what time, how many are kept, where. */
    public record Schedule(boolean on, String time, int keep, String directory) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    JobbmalConfig config;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String appVersion;

    private final ReentrantLock lock = new ReentrantLock();
    private volatile Failure lastFailure;

    public Path directory() {
        return Path.of(config.backup().dir().orElse(Path.of(config.dataDir(), "backups").toString()));
    }

    /** Takes a backup now; answers 503 (with the reason logged) when it cannot be written. */
    public BackupFile take(String trigger) {
        lock.lock();
        try {
            BackupFile f = write();
            lastFailure = null;
            LOG.infof("Backup %s taken (%s): %d rows, %d bytes, schema version %s", f.name(), trigger, f.rows(),
                    f.bytes(), f.schemaVersion());
            prune();
            return f;
        } catch (Exception e) {
            lastFailure = new Failure(Instant.now(), String.valueOf(e.getMessage()));
            LOG.errorf(e, "Backup failed (%s) in %s", trigger, directory());
            throw new UnavailableException("backup.error.failed");
        } finally {
            lock.unlock();
        }
    }

    /** The scheduled backup: never throws, so a failure cannot stop the scheduler or the app. */
    void scheduled() {
        try {
            take("scheduled");
        } catch (RuntimeException e) {
            // logged and kept for the admin page by take()
        }
    }

    public Schedule schedule() {
        return new Schedule(config.backup().enabled(), config.backup().time().toString(), config.backup().keep(),
                directory().toAbsolutePath().normalize().toString());
    }

    public Failure lastFailure() {
        return lastFailure;
    }

    private BackupFile write() throws Exception {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Instant now = Instant.now();
        String name = "jobbmal-backup-" + STAMP.format(now) + ".zip";
        Path target = dir.resolve(name);
        Path partial = dir.resolve("." + name + ".partial");
        Manifest m;
        try (FileChannel ch = FileChannel.open(partial, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Connection c = dataSource.getConnection()) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            m = SnapshotWriter.write(c, out, appVersion, now);
            out.flush();
            ch.force(true);
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        if (Files.exists(target)) {
            Files.deleteIfExists(partial);
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new BackupFile(name, now, Files.size(target), m.totalRows(), m.schemaVersion());
    }

    /** Deletes all but the newest {@code keep} backups (by the time in their names). */
    private void prune() {
        List<Path> files = files();
        int keep = Math.max(1, config.backup().keep());
        for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
            try {
                Files.deleteIfExists(old);
                LOG.infof("Backup %s deleted (keeping the newest %d)", old.getFileName(), keep);
            } catch (IOException e) {
                LOG.errorf(e, "Could not delete the old backup %s", old);
            }
        }
    }

    /** Backup files in the folder, newest first. */
    private List<Path> files() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            LOG.errorf(e, "Could not list the backups in %s", dir);
            return List.of();
        }
    }

    /** The backups, newest first, with what their manifests say. */
    /** A backup asked for by a system administrator (403 for anyone else). */
    public BackupFile takeOnDemand(String trigger) {
        currentUser.requireSystemAdmin();
        return take(trigger);
    }

    /** The backups, newest first, for a system administrator (403 for anyone else). */
    public List<BackupFile> list() {
        currentUser.requireSystemAdmin();
        List<BackupFile> out = new ArrayList<>();
        for (Path p : files()) {
            out.add(describe(p));
        }
        return out;
    }

    private static BackupFile describe(Path p) {
        String name = p.getFileName().toString();
        long bytes = -1;
        Instant at = null;
        long rows = -1;
        String version = null;
        try (ZipFile zip = new ZipFile(p.toFile()); InputStream in = zip.getInputStream(zip.getEntry(Manifest.ENTRY))) {
            bytes = Files.size(p);
            Manifest m = Manifest.read(in);
            at = Instant.parse(m.createdAt());
            rows = m.totalRows();
            version = m.schemaVersion();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Backup %s cannot be read: %s", name, e.getMessage());
        }
        return new BackupFile(name, at, bytes, rows, version);
    }

    /** A backup's file for download; 404 for a name that is not one of the listed backups. */
    public Path file(String name) {
        currentUser.requireSystemAdmin();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new NotFoundException("backup.error.notFound");
        }
        Path p = directory().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new NotFoundException("backup.error.notFound");
        }
        return p;
    }
}
