package no.hallingdal.jobbmal.export;

import no.hallingdal.jobbmal.export.ExportService.ResultRow;
import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Formats one row of the results export as the UTF-8 bytes of its CSV line, byte for byte as a
 * {@code CSVPrinter} printing today's cell values writes it (tested), but without the last cell,
 * {@code double_count}: the line ends with the separator before it, and {@link #TRUE} or {@link #FALSE}
 * ends it when the row goes out.
 * <p>
 * Every text cell (project, focus area, municipality, company, evidence, the users' names) goes through
 * {@link Cells#text} and Commons CSV, which quotes it as needed. The other cells are our own formatting
 * and can never hold the separator, a quote or a line break, so they are written directly: ids, years,
 * dates ({@code yyyy-MM-dd}), timestamps ({@code yyyy-MM-dd HH:mm:ss}), decimals (plain, in the dialect's
 * mark) and codes made of letters, digits, {@code -} and {@code _} (kind, status, focus area and
 * municipality codes, org. numbers). Anything else, such as a year beyond 9999 or a code with other
 * characters, is printed as before, through Commons CSV. Names from the export's lookups repeat as the
 * same String instance, so their cells are printed once and kept as bytes.
 * <p>
 * One per export, used by one thread at a time.
 */
final class CsvLine {

    static final byte[] TRUE = "true\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] FALSE = "false\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Names kept as bytes at most; beyond this (never with the lookups' few hundred) they are printed each time. */
    static final int MAX_NAMES = 4096;

    private final CSVFormat format;
    private final byte separator;
    private final byte decimalMark;
    private final CsvDialect dialect;
    private final StringBuilder text = new StringBuilder(256);
    private final Map<String, byte[]> names = new IdentityHashMap<>();

    CsvLine(CsvDialect dialect) {
        this.dialect = dialect;
        this.format = dialect.format();
        this.separator = (byte) dialect.separator;
        this.decimalMark = (byte) dialect.decimalMark;
    }

    /** Appends the line of {@code r} up to and including the separator before {@code double_count}. */
    void write(ResultRow r, Bytes out) {
        out.putLongText(r.id());
        out.putByte(separator);
        date(r.date(), out);
        out.putByte(separator);
        out.putLongText(r.year());
        out.putByte(separator);
        out.putLongText(r.projectId());
        name(r.project(), out);
        code(r.focusAreaCode(), out);
        name(r.focusArea(), out);
        code(r.municipalityCode(), out);
        name(r.municipality(), out);
        code(r.kind(), out);
        out.putByte(separator);
        decimal(r.amount(), out);
        out.putByte(separator);
        decimal(r.women(), out);
        out.putByte(separator);
        decimal(r.men(), out);
        text(Cells.text(r.company()), out);
        code(r.orgNumber() == null ? "" : r.orgNumber(), out);
        code(r.status(), out);
        text(Cells.text(r.evidence()), out);
        name(r.registeredBy(), out);
        out.putByte(separator);
        timestamp(r.registeredAt(), out);
        name(r.approvedBy(), out);
        out.putByte(separator);
        timestamp(r.approvedAt(), out);
        out.putByte(separator);
    }

    /** A cell with its separator before it, printed by Commons CSV. */
    private void text(Object value, Bytes out) {
        text.setLength(0);
        try {
            format.print(value, text, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        out.putUtf8(text);
    }

    /** A name from the lookups, with its separator before it: printed once per String instance. */
    private void name(String name, Bytes out) {
        if (name == null) {
            text("", out); // Cells.text(null)
            return;
        }
        byte[] cell = names.get(name);
        if (cell == null) {
            Bytes b = new Bytes(name.length() + 8);
            text.setLength(0);
            try {
                format.print(Cells.text(name), text, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            b.putUtf8(text);
            cell = java.util.Arrays.copyOf(b.bytes, b.length);
            if (names.size() < MAX_NAMES) {
                names.put(name, cell);
            }
        }
        out.put(cell);
    }

    /**
     * A code, with its separator before it: written directly when it is letters, digits, {@code -} and
     * {@code _} only (never quoted), else printed by Commons CSV.
     */
    private void code(String code, Bytes out) {
        if (code == null || code.isEmpty() || !plain(code)) {
            text(code, out);
            return;
        }
        out.putByte(separator);
        out.putAscii(code);
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** As {@link LocalDate#toString()}: {@code yyyy-MM-dd} for years 0–9999. */
    private void date(LocalDate d, Bytes out) {
        int y = d.getYear();
        if (y < 0 || y > 9999) {
            out.length--; // the separator written before: Commons CSV writes it
            text(d.toString(), out);
            return;
        }
        day(y, d.getMonthValue(), d.getDayOfMonth(), out);
    }

    /** {@code yyyy-MM-dd}, the year in 0–9999. */
    private static void day(int year, int month, int dayOfMonth, Bytes out) {
        out.putDigits(year, 4);
        out.putByte('-');
        out.putDigits(month, 2);
        out.putByte('-');
        out.putDigits(dayOfMonth, 2);
    }

    /** As {@link CsvExport#TIMESTAMP} formats it ({@code yyyy} is the year of era), empty for null. */
    private void timestamp(LocalDateTime t, Bytes out) {
        if (t == null) {
            return;
        }
        int y = t.getYear();
        if (y < 1 || y > 9999) {
            out.length--;
            text(CsvExport.TIMESTAMP.format(t), out);
            return;
        }
        day(y, t.getMonthValue(), t.getDayOfMonth(), out);
        out.putByte(' ');
        out.putDigits(t.getHour(), 2);
        out.putByte(':');
        out.putDigits(t.getMinute(), 2);
        out.putByte(':');
        out.putDigits(t.getSecond(), 2);
    }

    /** As {@link CsvDialect#decimal}: {@link BigDecimal#toPlainString()} in the dialect's mark, empty for null. */
    private void decimal(BigDecimal d, Bytes out) {
        if (d == null) {
            return;
        }
        int scale = d.scale();
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() >= 63 || scale > 400 || scale < -400) {
            out.length--;
            text(dialect.decimal(d), out);
            return;
        }
        long u = unscaled.longValue();
        if (scale <= 0) {
            out.putLongText(u);
            if (u != 0) {
                for (int i = 0; i < -scale; i++) {
                    out.putByte('0');
                }
            }
            return;
        }
        if (u < 0) {
            out.putByte('-');
            u = -u;
        }
        int start = out.length;
        out.putLongText(u);
        int digits = out.length - start;
        if (digits > scale) { // 12.35: the mark goes in among the digits
            out.putByte(0);
            int point = out.length - 1 - scale;
            System.arraycopy(out.bytes, point, out.bytes, point + 1, scale);
            out.bytes[point] = decimalMark;
        } else { // 0.05: "0", the mark, zeros, the digits
            int zeros = scale - digits;
            for (int i = 0; i < 2 + zeros; i++) {
                out.putByte(0);
            }
            System.arraycopy(out.bytes, start, out.bytes, start + 2 + zeros, digits);
            out.bytes[start] = '0';
            out.bytes[start + 1] = decimalMark;
            for (int i = 0; i < zeros; i++) {
                out.bytes[start + 2 + i] = '0';
            }
        }
    }
}
