package no.hallingdal.jobbmal.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session key: generated once into the data folder (owner-only), then read on every start. */
class SessionKeyTest {

    @Test
    void keyIsCreatedOnceOwnerOnlyAndReadAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/session.key");
        String first = SessionKeyFile.readOrCreate(file);
        assertTrue(first.length() >= 32);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, SessionKeyFile.readOrCreate(file), "the same key after a restart");
        assertNotEquals(first, SessionKeyFile.readOrCreate(dir.resolve("other.key")), "random per installation");
    }

    @Test
    void factoryUsesTheDataDirWhenNoKeyIsConfigured(@TempDir Path dir) {
        ConfigSourceFactoryResult result = run(Map.of("jobbmal.data-dir", dir.toString()));
        assertEquals(1, result.sources().size());
        String key = result.sources().get(0).getValue(SessionKeyConfigSourceFactory.KEY);
        assertEquals(key, SessionKeyFile.readOrCreate(dir.resolve("session.key")));
        // A second instance sharing the folder gets the same key.
        assertEquals(key, run(Map.of("jobbmal.data-dir", dir.toString())).sources().get(0)
                .getValue(SessionKeyConfigSourceFactory.KEY));
    }

    @Test
    void aConfiguredKeyWinsAndNoFileIsWritten(@TempDir Path dir) {
        ConfigSourceFactoryResult result = run(Map.of("jobbmal.data-dir", dir.toString(),
                SessionKeyConfigSourceFactory.KEY, "configured-key-0123456789abcdef"));
        assertTrue(result.sources().isEmpty());
        assertFalse(Files.exists(dir.resolve("session.key")));
    }

    record ConfigSourceFactoryResult(List<ConfigSource> sources) {
    }

    private static ConfigSourceFactoryResult run(Map<String, String> values) {
        ConfigSourceContext context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String v = values.get(name);
                return v == null ? null : ConfigValue.builder().withName(name).withValue(v).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
        List<ConfigSource> sources = new java.util.ArrayList<>();
        new SessionKeyConfigSourceFactory().getConfigSources(context).forEach(sources::add);
        return new ConfigSourceFactoryResult(Collections.unmodifiableList(sources));
    }
}
