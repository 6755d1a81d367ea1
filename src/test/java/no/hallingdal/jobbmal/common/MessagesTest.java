package no.hallingdal.jobbmal.common;

import org.junit.jupiter.api.Test;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The nb and en bundles must hold exactly the same keys, and no text may be empty. */
class MessagesTest {

    @Test
    void nbAndEnBundlesHaveTheSameKeys() {
        Messages m = new Messages();
        var nb = new TreeSet<>(m.keys(Messages.NB));
        var en = new TreeSet<>(m.keys(Messages.EN));
        var onlyNb = new TreeSet<>(nb);
        onlyNb.removeAll(en);
        var onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(nb);
        assertEquals(new TreeSet<String>(), onlyNb, "keys missing in the English bundles");
        assertEquals(new TreeSet<String>(), onlyEn, "keys missing in the Norwegian bundles");
        for (String k : nb) {
            assertFalse(m.get(Messages.NB, k).isBlank(), "empty nb text for " + k);
            assertFalse(m.get(Messages.EN, k).isBlank(), "empty en text for " + k);
        }
    }

    @Test
    void placeholdersAreReplaced() {
        Messages m = new Messages();
        assertEquals("Ukjent kommunenummer: 9999.", m.get(Messages.NB, "error.unknown.municipality", "9999"));
        assertEquals("Unknown municipality code: 9999.", m.get(Messages.EN, "error.unknown.municipality", "9999"));
    }

    @Test
    void localeResolution() {
        assertEquals(Messages.EN, RequestLocale.resolve("en", "nb"));
        assertEquals(Messages.NB, RequestLocale.resolve("nb", "en"));
        assertEquals(Messages.EN, RequestLocale.resolve(null, "en-GB,en;q=0.9"));
        assertEquals(Messages.NB, RequestLocale.resolve(null, "nn-NO,en;q=0.5"));
        assertEquals(Messages.NB, RequestLocale.resolve(null, "de-DE"));
        assertEquals(Messages.NB, RequestLocale.resolve(null, "%%%garbage"));
        assertEquals(Messages.NB, RequestLocale.resolve(null, null));
    }
}
