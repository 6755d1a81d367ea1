package no.hallingdal.jobbmal.common;

import java.sql.SQLException;

/**
 * Recognises a database error caused by its storage (a full disk, a file that cannot be written, H2 closed
 * after such an error), which is answered 503 rather than as an unexpected error.
 */
public final class StorageFailures {

    private StorageFailures() {
    }

    public static boolean isStorageFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                int code = s.getErrorCode();
                String msg = String.valueOf(s.getMessage());
                // PostgreSQL: class 53 (insufficient resources: disk full, out of memory); H2: 90098 database
                // closed, 90028 I/O error, 90097 read only, or a failed write of its store
                if (state.startsWith("53") || code == 90098 || code == 90028 || code == 90097
                        || msg.contains("MVStoreException: Writing to")) {
                    return true;
                }
            }
        }
        return false;
    }
}
