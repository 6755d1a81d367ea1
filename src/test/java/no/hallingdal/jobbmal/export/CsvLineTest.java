package no.hallingdal.jobbmal.export;

import no.hallingdal.jobbmal.export.ExportService.ResultRow;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-written CSV line against what the export printed before it: every cell through a
 * {@link CSVPrinter}, timestamps with {@link CsvExport#TIMESTAMP}, decimals with {@link CsvDialect#decimal},
 * text through {@link Cells#text}, the whole line encoded with {@link String#getBytes}. Byte for byte, in
 * both dialects, over values chosen to be awkward.
 */
class CsvLineTest {

    static final String[] TEXTS = {null, "", "Bø AS", "Bekreftelse «Ål» fra \"Bø AS\"; pris 1,5; linje 1\r\nlinje 2",
        "a;b", "a,b", "\"", "\"quoted\"", "cr\ronly", "lf\nonly", "=SUM(A1)", "+47 123", "-5 stk", "@navn", "\tTab",
        "\rcr", " leading space", "trailing space ", "#hash", "!bang", "æøå ÆØÅ", "smil 🙂 og 👍🏽", "🙂",
        "lone \uD83D high", "lone \uDE42 low", "ends high \uD83D", "\uDE42", "x".repeat(1000), "'quote"};
    static final String[] CODES = {"innovasjon", "kultur-samfunn", "3324", "NEW_JOBS", "APPROVED", "a_b", "-lead",
        "", "with space", "semi;colon", "com,ma", "quo\"te", "æøå", "line\nbreak", "#x", null};
    static final String[] ORGS = {null, "964951462", "123456785", "", "12345 789", "1;2,3\"4", "=12345678"};
    static final BigDecimal[] DECIMALS = {null, new BigDecimal("0.5"), new BigDecimal("2.0"), new BigDecimal("12.35"),
        new BigDecimal("-1.5"), new BigDecimal("1E+3"), new BigDecimal("0E+3"), new BigDecimal("-2E+2"),
        new BigDecimal("0.000"), new BigDecimal("-0.05"), new BigDecimal("0.1"), new BigDecimal("500.0"),
        BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("0.0"), new BigDecimal("123456.789"),
        new BigDecimal(new BigInteger("123456789012345678901234567890"), -3),
        new BigDecimal(new BigInteger("123456789012345678901234567890"), 5), BigDecimal.valueOf(Long.MAX_VALUE, 2),
        BigDecimal.valueOf(Long.MIN_VALUE, 1), BigDecimal.valueOf(Long.MAX_VALUE / 10, 25),
        new BigDecimal("1E-30"), new BigDecimal("-9.99E+20")};
    static final LocalDateTime[] TIMES = {null, LocalDateTime.of(2023, 3, 4, 5, 6, 7),
        LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_999), LocalDateTime.of(1, 1, 1, 0, 0),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59), LocalDateTime.of(10_000, 1, 1, 0, 0), LocalDateTime.of(0, 6, 1, 12, 0),
        LocalDateTime.of(-5, 6, 1, 12, 0), LocalDateTime.of(999, 6, 1, 12, 0, 1)};
    static final LocalDate[] DATES = {LocalDate.of(2022, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(0, 1, 1),
        LocalDate.of(999, 12, 31), LocalDate.of(9999, 12, 31), LocalDate.of(10_000, 1, 1), LocalDate.of(-5000, 1, 1)};
    static final long[] LONGS = {0, 1, 42, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE, -1, -123};
    static final int[] YEARS = {2022, 0, -1, 10_000, Integer.MAX_VALUE, Integer.MIN_VALUE};

    /** The line as the export wrote it before the hand-written formatting. */
    static byte[] before(ResultRow r, CsvDialect dialect) throws IOException {
        StringBuilder out = new StringBuilder();
        CSVPrinter csv = new CSVPrinter(out, dialect.format());
        csv.printRecord(Long.toString(r.id()), r.date().toString(), Integer.toString(r.year()),
                Long.toString(r.projectId()), Cells.text(r.project()), r.focusAreaCode(), Cells.text(r.focusArea()),
                r.municipalityCode(), Cells.text(r.municipality()), r.kind(), dialect.decimal(r.amount()),
                dialect.decimal(r.women()), dialect.decimal(r.men()), Cells.text(r.company()),
                r.orgNumber() == null ? "" : r.orgNumber(), r.status(), Cells.text(r.evidence()),
                Cells.text(r.registeredBy()), r.registeredAt() == null ? "" : CsvExport.TIMESTAMP.format(r.registeredAt()),
                Cells.text(r.approvedBy()), r.approvedAt() == null ? "" : CsvExport.TIMESTAMP.format(r.approvedAt()),
                r.doubleCount() ? "true" : "false");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The line as {@link CsvLine} writes it, the double count added as when it goes out. */
    static byte[] now(CsvLine line, ResultRow r) {
        Bytes out = new Bytes(16);
        line.write(r, out);
        out.put(r.doubleCount() ? CsvLine.TRUE : CsvLine.FALSE);
        return Arrays.copyOf(out.bytes, out.length);
    }

    static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Names come from the lookups, the same instance again and again; sometimes a copy, as any String may be. */
    static String name(Random random) {
        String s = pick(random, TEXTS);
        return s != null && random.nextInt(5) == 0 ? new String(s) : s;
    }

    static ResultRow row(Random random) {
        return new ResultRow(LONGS[random.nextInt(LONGS.length)], pick(random, DATES), YEARS[random.nextInt(YEARS.length)],
                LONGS[random.nextInt(LONGS.length)], name(random), pick(random, CODES), name(random), pick(random, CODES),
                name(random), pick(random, CODES), pick(random, DECIMALS), pick(random, DECIMALS), pick(random, DECIMALS),
                pick(random, TEXTS), pick(random, ORGS), pick(random, CODES), pick(random, TEXTS), name(random),
                pick(random, TIMES), name(random), pick(random, TIMES), random.nextBoolean());
    }

    @ParameterizedTest
    @EnumSource(CsvDialect.class)
    void sameBytesAsPrintingEveryCellWithCommonsCsv(CsvDialect dialect) throws IOException {
        Random random = new Random(dialect.ordinal() + 1);
        CsvLine line = new CsvLine(dialect);
        for (int i = 0; i < 20_000; i++) {
            ResultRow r = row(random);
            byte[] expected = before(r, dialect);
            byte[] actual = now(line, r);
            if (!Arrays.equals(expected, actual)) {
                assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                        "row " + i + ": " + r);
                assertArrayEquals(expected, actual, "row " + i + ": " + r);
            }
        }
    }

    @Test
    void aTypicalRowInBothDialects() throws IOException {
        ResultRow r = new ResultRow(463, LocalDate.of(2022, 1, 1), 2022, 13, "Rekrutteringsløft helse Ål",
                "kompetanse-rekruttering", "Kompetanse og rekruttering", "3328", "Ål", "NEW_JOBS", new BigDecimal("1.4"),
                null, new BigDecimal("0.0"), "Flå \"Bryggeri\"", "969392313", "APPROVED", "=e-post; brev, telefon",
                "Frode Fylkeskommune", LocalDateTime.of(2022, 1, 10, 12, 0), null, null, true);
        assertEquals("463;2022-01-01;2022;13;Rekrutteringsløft helse Ål;kompetanse-rekruttering;"
                + "Kompetanse og rekruttering;3328;Ål;NEW_JOBS;1,4;;0,0;\"Flå \"\"Bryggeri\"\"\";969392313;APPROVED;"
                + "\"'=e-post; brev, telefon\";Frode Fylkeskommune;2022-01-10 12:00:00;;;true\r\n",
                new String(now(new CsvLine(CsvDialect.EXCEL_NB), r), StandardCharsets.UTF_8));
        assertEquals("463,2022-01-01,2022,13,Rekrutteringsløft helse Ål,kompetanse-rekruttering,"
                + "Kompetanse og rekruttering,3328,Ål,NEW_JOBS,1.4,,0.0,\"Flå \"\"Bryggeri\"\"\",969392313,APPROVED,"
                + "\"'=e-post; brev, telefon\",Frode Fylkeskommune,2022-01-10 12:00:00,,,true\r\n",
                new String(now(new CsvLine(CsvDialect.RFC4180), r), StandardCharsets.UTF_8));
        for (CsvDialect d : CsvDialect.values()) {
            assertArrayEquals(before(r, d), now(new CsvLine(d), r), d.code);
        }
    }

    @Test
    void utf8AsStringGetBytes() {
        for (String s : List.of("", "abc", "æøå", "€", "🙂", "a🙂b", "\uD83D", "\uDE42", "\uD83D\uD83D\uDE42", "x\uD83Dy",
                "\uDE42\uD83D", "\u07FF\u0800\uFFFF", "\u0000\u007F\u0080")) {
            Bytes b = new Bytes(1);
            b.putUtf8(s);
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(b.bytes, b.length), s);
        }
    }
}
