package no.hallingdal.jobbmal.common;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * All visible text, from the message bundles under {@code src/main/resources/messages/}: Norwegian
 * bokmål in {@code <bundle>.properties}, English in {@code <bundle>_en.properties}. One bundle per
 * feature keeps the files small; {@link #BUNDLES} lists them. Placeholders are {@code {0}},
 * {@code {1}}, … and are replaced literally (no MessageFormat quoting rules).
 */
@ApplicationScoped
public class Messages {

    public static final Locale NB = Locale.forLanguageTag("nb-NO");
    public static final Locale EN = Locale.ENGLISH;

    /** Bundle names; a missing file is skipped, so a feature adds its bundle by adding its name. */
    public static final List<String> BUNDLES =
            List.of("msg", "programme", "project", "account", "result", "dashboard", "export", "backup", "county",
                    "mail");

    private final Map<String, String> nb;
    private final Map<String, String> en;

    public Messages() {
        this.nb = load("");
        this.en = load("_en");
    }

    private static Map<String, String> load(String suffix) {
        Map<String, String> all = new HashMap<>();
        for (String bundle : BUNDLES) {
            String path = "messages/" + bundle + suffix + ".properties";
            try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String k : p.stringPropertyNames()) {
                    if (all.put(k, p.getProperty(k)) != null) {
                        throw new IllegalStateException("Message key defined twice: " + k + " in " + path);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /** The text for {@code key} in {@code locale}; the key itself when it is missing (tests prevent that). */
    public String get(Locale locale, String key, Object... args) {
        Map<String, String> bundle = isEnglish(locale) ? en : nb;
        String text = bundle.get(key);
        if (text == null) {
            text = nb.getOrDefault(key, key);
        }
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i] instanceof java.time.LocalDate d ? Formats.date(d, locale) : args[i];
                text = text.replace("{" + i + "}", String.valueOf(arg));
            }
        }
        return text;
    }

    public boolean has(String key) {
        return nb.containsKey(key);
    }

    public Set<String> keys(Locale locale) {
        return (isEnglish(locale) ? en : nb).keySet();
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
