package no.hallingdal.jobbmal.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The {@code manifest.json} of a backup zip: what it is, which schema it belongs to, and for every table its
 * columns, row count and checksum ({@link TableChecksum}). Restore refuses a zip whose manifest is missing,
 * of another format, or whose tables do not match their checksums.
 */
public record Manifest(String format, int formatVersion, String schemaVersion, String appVersion, String createdAt,
        String database, List<Table> tables) {

    public static final String FORMAT = "jobbmal-backup";
    public static final int FORMAT_VERSION = 1;
    public static final String ENTRY = "manifest.json";

    /** One table: its name in lower case, its CSV entry in the zip, its columns in file order. */
    public record Table(String name, String file, List<String> columns, long rows, String checksum) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("writing the manifest failed", e);
        }
    }

    /** Reads a manifest; a file that is not one (or of another format) gives {@link BackupFormatException}. */
    static Manifest read(InputStream in) {
        Manifest m;
        try {
            m = JSON.readValue(in, Manifest.class);
        } catch (IOException e) {
            throw new BackupFormatException("backup.error.manifest");
        }
        if (m == null || !FORMAT.equals(m.format()) || m.tables() == null || m.schemaVersion() == null) {
            throw new BackupFormatException("backup.error.foreign");
        }
        if (m.formatVersion() != FORMAT_VERSION) {
            throw new BackupFormatException("backup.error.formatVersion", m.formatVersion());
        }
        return m;
    }
}
