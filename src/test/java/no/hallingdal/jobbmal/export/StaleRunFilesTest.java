package no.hallingdal.jobbmal.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaleRunFilesTest {

    @Test
    void deletesOnlyOldRunFilesOfExports(@TempDir Path dir) throws Exception {
        Instant now = Instant.now();
        Path old = file(dir, "jobbmal-export123.run", now.minus(Duration.ofHours(7)));
        Path older = file(dir, "jobbmal-export9.run", now.minus(Duration.ofDays(30)));
        Path running = file(dir, "jobbmal-export456.run", now.minus(Duration.ofMinutes(1)));
        Path otherApp = file(dir, "something-else.run", now.minus(Duration.ofDays(30)));
        Path otherSuffix = file(dir, "jobbmal-export1.tmp", now.minus(Duration.ofDays(30)));
        Path folder = Files.createDirectory(dir.resolve("jobbmal-export-folder.run"));
        Files.setLastModifiedTime(folder, FileTime.from(now.minus(Duration.ofDays(30))));

        assertEquals(2, StaleRunFiles.deleteOlderThan(dir, now.minus(StaleRunFiles.MAX_AGE)));
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(older));
        assertTrue(Files.exists(running), "a run file of an export that may still be running stays");
        assertTrue(Files.exists(otherApp));
        assertTrue(Files.exists(otherSuffix));
        assertTrue(Files.exists(folder));
    }

    @Test
    void aMissingFolderIsNotAnError(@TempDir Path dir) {
        assertEquals(0, StaleRunFiles.deleteOlderThan(dir.resolve("missing"), Instant.now()));
    }

    private static Path file(Path dir, String name, Instant modified) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
