package no.hallingdal.jobbmal.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The export's local times against {@code atZoneSameInstant(zone).toLocalDateTime().withNano(0)}. */
class LocalTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Oslo", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Apia", "UTC", "+05:30",
        "Africa/Casablanca"})
    void sameAsTheZoneRules(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        Random random = new Random(zoneId.hashCode());
        List<OffsetDateTime> times = new ArrayList<>();
        // around every transition from 1890 to 2040: the second itself, just before and after
        Instant at = Instant.parse("1890-01-01T00:00:00Z");
        ZoneOffsetTransition t;
        while ((t = zone.getRules().nextTransition(at)) != null && t.getInstant().isBefore(Instant.parse("2040-01-01T00:00:00Z"))) {
            for (long d : new long[] {-3601, -1, 0, 1, 3599, 3600}) {
                times.add(OffsetDateTime.ofInstant(t.getInstant().plusSeconds(d), ZoneOffset.ofHours(random.nextInt(25) - 12)));
            }
            at = t.getInstant();
        }
        // and a spread of 2020-2026 with nanoseconds, as registrations come
        long from = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 50_000; i++) {
            times.add(OffsetDateTime.ofInstant(Instant.ofEpochSecond(from + (long) (random.nextDouble() * 7 * 365 * 86400),
                    random.nextInt(1_000_000_000)), ZoneOffset.UTC));
        }
        List<OffsetDateTime> shuffled = new ArrayList<>(times);
        Collections.shuffle(shuffled, random);
        for (List<OffsetDateTime> order : List.of(times, shuffled)) {
            LocalTimes local = new LocalTimes(zone);
            for (OffsetDateTime time : order) {
                assertEquals(time.atZoneSameInstant(zone).toLocalDateTime().withNano(0), local.local(time), time.toString());
            }
            assertNull(local.local(null));
        }
    }
}
