package no.hallingdal.jobbmal.backup;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A backup zip opened for restoring. {@link #open} reads the manifest, {@link #verify} reads every table's
 * file and checks its header, row count and checksum against the manifest: together they refuse a truncated,
 * altered or foreign file before anything is written to the database.
 */
final class BackupArchive implements Closeable {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final ZipFile zip;
    private final Manifest manifest;

    private BackupArchive(ZipFile zip, Manifest manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    static BackupArchive open(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BackupFormatException("backup.error.missingFile", file);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new BackupFormatException("backup.error.notZip", file);
        } catch (IOException e) {
            throw new BackupFormatException("backup.error.unreadable", file);
        }
        try {
            ZipEntry entry = zip.getEntry(Manifest.ENTRY);
            if (entry == null) {
                throw new BackupFormatException("backup.error.foreign");
            }
            Manifest m;
            try (InputStream in = zip.getInputStream(entry)) {
                m = Manifest.read(in);
            }
            Set<String> seen = new HashSet<>();
            for (Manifest.Table t : m.tables()) {
                if (t.name() == null || !TABLE_NAME.matcher(t.name()).matches() || !seen.add(t.name())
                        || t.columns() == null || t.columns().isEmpty() || t.checksum() == null
                        || zip.getEntry(t.file()) == null) {
                    throw new BackupFormatException("backup.error.manifestTable", t.name());
                }
            }
            return new BackupArchive(zip, m);
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            if (e instanceof BackupFormatException b) {
                throw b;
            }
            throw new BackupFormatException("backup.error.corrupt", Manifest.ENTRY);
        }
    }

    Manifest manifest() {
        return manifest;
    }

    /** Reads every table's file and compares it with the manifest; throws on the first difference. */
    void verify() {
        for (Manifest.Table t : manifest.tables()) {
            TableChecksum sum = new TableChecksum();
            forEachRow(t, sum::add);
            if (sum.rows() != t.rows() || !sum.value().equals(t.checksum())) {
                throw new BackupFormatException("backup.error.checksum", t.name(), t.rows(), sum.rows());
            }
        }
    }

    interface RowConsumer {
        void accept(String[] row) throws Exception;
    }

    /** Calls {@code consumer} with every row of the table's file (values as in the file, null for NULL). */
    void forEachRow(Manifest.Table t, RowConsumer consumer) {
        int n = t.columns().size();
        try (InputStream in = zip.getInputStream(zip.getEntry(t.file()));
                CSVParser csv = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), SnapshotWriter.CSV)) {
            boolean header = true;
            for (CSVRecord r : csv) {
                if (r.size() != n) {
                    throw new BackupFormatException("backup.error.row", t.name(), r.getRecordNumber());
                }
                String[] row = r.values();
                if (header) {
                    if (!List.of(row).equals(t.columns())) {
                        throw new BackupFormatException("backup.error.header", t.name());
                    }
                    header = false;
                    continue;
                }
                consumer.accept(row);
            }
            if (header) {
                throw new BackupFormatException("backup.error.header", t.name());
            }
        } catch (BackupFormatException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            // a CRC error, a cut-off entry, or text that is not CSV
            throw new BackupFormatException("backup.error.corrupt", t.file());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("loading table " + t.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written; closing a read-only file cannot lose anything
        }
    }
}
