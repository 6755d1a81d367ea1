package no.hallingdal.jobbmal.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Supplies {@value #KEY} (the key that encrypts the session cookie) when it is not configured: the key
 * is read from {@code ${jobbmal.data-dir}/session.key}, which is created with a random key at first
 * start. Sessions therefore survive a restart, and instances sharing the data folder (or the configured
 * key) share sessions. Runs while the configuration is built, i.e. before the HTTP layer reads the key
 * (a StartupEvent would be too late). Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class SessionKeyConfigSourceFactory implements ConfigSourceFactory {

    public static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String DATA_DIR = "jobbmal.data-dir";
    static final String FILE_NAME = "session.key";
    /** Below application.properties (250) and the environment (300): a configured key always wins. */
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(KEY))) {
            return List.of();
        }
        ConfigValue dir = context.getValue(DATA_DIR);
        String dataDir = isSet(dir) ? dir.getValue() : "./data";
        return List.of(new KeyFileSource(Path.of(dataDir, FILE_NAME)));
    }

    /**
     * Reads (or creates) the key file only when the key is asked for, and does not list the key among its
     * property names: the Quarkus build records the runtime values it can enumerate as defaults, and a key
     * made at build time must never end up inside the application.
     */
    static final class KeyFileSource implements ConfigSource {

        private final Path file;
        private volatile String key;

        KeyFileSource(Path file) {
            this.file = file;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String propertyName) {
            if (!KEY.equals(propertyName)) {
                return null;
            }
            if (key == null) {
                key = SessionKeyFile.readOrCreate(file);
            }
            return key;
        }

        @Override
        public String getName() {
            return "jobbmal-session-key-file[" + file + "]";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
