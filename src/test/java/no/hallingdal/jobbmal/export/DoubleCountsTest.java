package no.hallingdal.jobbmal.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export's double-count pairs against the plain rule: more than one distinct project per org. number and year. */
class DoubleCountsTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void sameAsCountingDistinctProjectsPerOrgNumberAndYear(long seed) {
        Random random = new Random(seed);
        String[] odd = {"12345678A", " 23456789", "123", "1234567890", "ØØØØØØØØØ", "000000000"};
        Map<String, Set<Long>> projects = new HashMap<>();
        DoubleCounts counts = new DoubleCounts();
        Set<String> orgs = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            String org = random.nextInt(50) == 0 ? odd[random.nextInt(odd.length)]
                    : String.format("%09d", random.nextInt(20_000) * 49_999 % 1_000_000_000);
            int year = random.nextInt(100) == 0 ? new int[] {-1, 0, 9999, 10_000, Integer.MAX_VALUE}[random.nextInt(5)]
                    : 2022 + random.nextInt(3);
            long project = random.nextInt(4) == 0 ? 1L << 40 : 1 + random.nextInt(3);
            counts.add(org, year, project);
            projects.computeIfAbsent(org + "|" + year, k -> new HashSet<>()).add(project);
            orgs.add(org);
        }
        counts.finish();
        int doubled = 0;
        for (String org : orgs) {
            for (int year : new int[] {-1, 0, 2021, 2022, 2023, 2024, 9999, 10_000, Integer.MAX_VALUE}) {
                Set<Long> p = projects.get(org + "|" + year);
                boolean expected = p != null && p.size() > 1;
                assertEquals(expected, counts.contains(org, year), org + " " + year);
                doubled += expected ? 1 : 0;
            }
        }
        assertEquals(doubled, counts.size());
        assertTrue(doubled > 100 && doubled < projects.size(), "both kinds of pairs present: " + doubled);
    }

    @Test
    void oneProjectIsNoDoubleCountHoweverOftenAndNullNever() {
        DoubleCounts counts = new DoubleCounts();
        for (int i = 0; i < 5; i++) {
            counts.add("964951462", 2023, 7);
            counts.add("12345678A", 2023, 7);
        }
        counts.add("964951462", 2024, 7);
        counts.add("964951462", 2024, 8);
        counts.finish();
        assertFalse(counts.contains("964951462", 2023));
        assertFalse(counts.contains("12345678A", 2023));
        assertTrue(counts.contains("964951462", 2024));
        assertFalse(counts.contains("964951462", 2022));
        assertFalse(counts.contains(null, 2024));
        assertEquals(1, counts.size());
    }
}
