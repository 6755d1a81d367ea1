package no.hallingdal.jobbmal.export;

import no.hallingdal.jobbmal.export.ExportService.ResultRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export's external sort, without Quarkus: order, every field kept, temporary files deleted. The rows
 * go in as the XLSX export encodes them ({@link RowCodec}, the double count in a byte before).
 */
class ResultSortTest {

    static final String TRICKY = "Bekreftelse «Ål» fra \"Bø AS\"; pris 1,5; linje 1\r\nlinje 2, æøå ÆØÅ 🙂";
    static final Comparator<ResultRow> DATE_ID = Comparator.comparing(ResultRow::date).thenComparingLong(ResultRow::id);

    /** Rows with few distinct dates (many equal), shuffled ids, nulls in every nullable field and odd text. */
    static List<ResultRow> rows(long seed, int n) {
        return rows(seed, n, true);
    }

    /** As {@link #rows(long, int)}; with {@code shuffled} false the ids come in ascending order (a table scan). */
    static List<ResultRow> rows(long seed, int n, boolean shuffled) {
        Random random = new Random(seed);
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            ids.add(i * 7 + random.nextInt(7)); // unique, with gaps
        }
        if (shuffled) {
            java.util.Collections.shuffle(ids, random);
        }
        String[] texts = {null, "", "Bø AS", TRICKY, "=SUM(A1)", "-5 stk", "\tTab", "x".repeat(4000),
            "æ".repeat(3000), "\"quoted\"", "a;b,c"};
        List<ResultRow> out = new ArrayList<>();
        for (long id : ids) {
            LocalDate date = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(40));
            boolean nulls = random.nextInt(4) == 0;
            out.add(new ResultRow(id, date, date.getYear(), random.nextInt(30) + 1L, pick(random, texts),
                    "innovasjon", "Innovasjon", "3328", "Ål", "NEW_JOBS",
                    BigDecimal.valueOf(random.nextInt(5000) + 1, 1),
                    nulls ? null : BigDecimal.valueOf(random.nextInt(100), 1),
                    nulls ? null : new BigDecimal("2.50"),
                    pick(random, texts), nulls ? null : "964951462", "APPROVED", pick(random, texts),
                    pick(random, texts), LocalDateTime.of(2023, 3, 4, 5, 6, 7, random.nextInt(2) * 123_000_000),
                    nulls ? null : "Administrator", nulls ? null : LocalDateTime.of(2024, 12, 31, 23, 59, 59),
                    random.nextBoolean()));
        }
        return out;
    }

    static String pick(Random random, String[] texts) {
        return texts[random.nextInt(texts.length)];
    }

    static void add(ResultSort sort, ResultRow r) throws IOException {
        Bytes record = new Bytes(64);
        record.putByte(r.doubleCount() ? 1 : 0);
        RowCodec.encode(r, record);
        sort.add(r.date().toEpochDay(), r.id(), record.bytes, record.length);
    }

    static long drain(ResultSort sort, ExportService.RowSink<ResultRow> sink) throws IOException {
        return sort.drain((day, id, b, off, len) -> sink.accept(RowCodec.decode(day, id, b, off + 1, b[off] == 1)));
    }

    static List<ResultRow> sort(List<ResultRow> rows, int memory, int fanIn, int[] runs) throws IOException {
        List<ResultRow> out = new ArrayList<>();
        try (ResultSort sort = new ResultSort(memory, fanIn)) {
            for (ResultRow r : rows) {
                add(sort, r);
            }
            runs[0] = sort.spilledRuns();
            assertEquals(rows.size(), drain(sort, out::add));
        }
        return out;
    }

    static Set<Path> runFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("jobbmal-export")
                    && p.getFileName().toString().endsWith(".run")).collect(Collectors.toSet());
        }
    }

    @ParameterizedTest(name = "{0} rows, {1} bytes, fan-in {2}, ids shuffled {3}")
    @CsvSource({
        "3000, 16777216, 64, true",   // fits in memory: no run on disk
        "3000, 16777216, 64, false",  // ids arrive in order, as from a table scan
        "3000, 200000, 64, true",     // several runs, one merge
        "3000, 200000, 64, false",
        "3000, 20000, 4, true",       // many runs, merged in several passes
        "400, 1, 2, true",            // one row per run
        "0, 1000, 2, true",
        "1, 1, 2, true"})
    void sortsByDateThenIdAndKeepsEveryField(int n, int memory, int fanIn, boolean shuffled) throws IOException {
        List<ResultRow> rows = rows(n * 31L + memory, n, shuffled);
        List<ResultRow> expected = new ArrayList<>(rows);
        expected.sort(DATE_ID);
        Set<Path> before = runFiles();
        int[] runs = {0};
        List<ResultRow> sorted = sort(rows, memory, fanIn, runs);
        assertEquals(expected, sorted); // records compare every field, nulls and BigDecimal scale included
        if (memory < 1_000_000 && n > 1) {
            assertTrue(runs[0] > 1, "runs written: " + runs[0]);
        } else if (memory >= 1_000_000) {
            assertEquals(0, runs[0]);
        }
        assertEquals(before, runFiles(), "temporary files deleted");
    }

    @ParameterizedTest(name = "memory {0}")
    @ValueSource(ints = {1, 16_777_216})
    void unusualValuesSurvive(int memory) throws IOException {
        List<ResultRow> rows = List.of(
                new ResultRow(Long.MAX_VALUE, LocalDate.of(-5000, 1, 1), Integer.MIN_VALUE, Long.MIN_VALUE, "", null,
                        null, null, null, null, new BigDecimal(new BigInteger("123456789012345678901234567890"), -3),
                        new BigDecimal("0.000"), new BigDecimal("1E+5"), null, null, null, "", null, null, null,
                        LocalDateTime.of(1900, 1, 1, 0, 0, 0, 999_999_999), true),
                new ResultRow(1, LocalDate.of(999_999_999, 12, 31), 0, 0, "x", null, null, null, null, null,
                        BigDecimal.ONE, null, null, null, null, null, "y", null, null, null, null, false),
                new ResultRow(2, LocalDate.of(999_999_999, 12, 31), 0, 0, "z", null, null, null, null, null,
                        BigDecimal.TEN, null, null, null, null, null, "w", null, null, null, null, false));
        int[] runs = {0};
        List<ResultRow> sorted = sort(List.of(rows.get(2), rows.get(0), rows.get(1)), memory, 2, runs);
        assertEquals(rows, sorted); // dates far apart in one buffer, and each in a run of its own
        assertEquals(-3, sorted.get(0).amount().scale());
        assertEquals("1E+5", sorted.get(0).men().toString());
        assertEquals("0.000", sorted.get(0).women().toPlainString());
    }

    @Test
    void aFailingSinkStopsTheMergeAndTheFilesAreStillDeleted() throws IOException {
        Set<Path> before = runFiles();
        List<ResultRow> rows = rows(7, 2000);
        Set<Path> during = new HashSet<>();
        int[] seen = {0};
        IOException broken = assertThrows(IOException.class, () -> {
            try (ResultSort sort = new ResultSort(20_000, 3)) {
                for (ResultRow r : rows) {
                    add(sort, r);
                }
                drain(sort, r -> {
                    if (++seen[0] == 100) {
                        during.addAll(runFiles());
                        throw new IOException("client went away");
                    }
                });
            }
        });
        assertEquals("client went away", broken.getMessage());
        during.removeAll(before);
        assertFalse(during.isEmpty(), "runs were on disk while merging");
        for (Path p : during) {
            assertFalse(Files.exists(p), p + " deleted");
        }
        assertEquals(before, runFiles());
    }

    @Test
    void closingWithoutDrainingDeletesTheRuns() throws IOException {
        Set<Path> before = runFiles();
        Set<Path> during;
        try (ResultSort sort = new ResultSort(10_000, 64)) {
            for (ResultRow r : rows(3, 500)) {
                add(sort, r); // as when the query fails half-way
            }
            assertTrue(sort.spilledRuns() > 1);
            during = runFiles();
        }
        during.removeAll(before);
        assertFalse(during.isEmpty());
        for (Path p : during) {
            assertFalse(Files.exists(p), p + " deleted");
        }
    }
}
