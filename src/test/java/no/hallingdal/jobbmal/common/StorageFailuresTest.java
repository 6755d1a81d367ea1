package no.hallingdal.jobbmal.common;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageFailuresTest {

    @Test
    void aFullOrClosedStorageIsRecognisedThroughTheCauses() {
        assertTrue(StorageFailures.isStorageFailure(new RuntimeException(new SQLException("could not extend file", "53100"))));
        assertTrue(StorageFailures.isStorageFailure(new IllegalStateException(new SQLException("The database has been closed", "90098", 90098))));
        assertTrue(StorageFailures.isStorageFailure(new SQLException(
                "General error: \"org.h2.mvstore.MVStoreException: Writing to x failed; length 12288\"", "HY000", 50000)));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(StorageFailures.isStorageFailure(new SQLException("duplicate key", "23505")));
        assertFalse(StorageFailures.isStorageFailure(new RuntimeException("boom")));
    }
}
