package no.hallingdal.jobbmal.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The two CSV dialects (docs/exports.md). {@code excel-nb} opens correctly in Norwegian Excel by
 * double-click: UTF-8 with BOM, ';' separator, decimal comma, CRLF. {@code rfc4180} is for scripts and
 * other systems: UTF-8 without BOM, ',' separator, decimal point, CRLF (as RFC 4180 says).
 */
public enum CsvDialect {
    EXCEL_NB("excel-nb", ';', ',', true),
    RFC4180("rfc4180", ',', '.', false);

    public final String code;
    public final char separator;
    public final char decimalMark;
    public final boolean bom;

    CsvDialect(String code, char separator, char decimalMark, boolean bom) {
        this.code = code;
        this.separator = separator;
        this.decimalMark = decimalMark;
        this.bom = bom;
    }

    public static Optional<CsvDialect> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(EXCEL_NB);
        }
        for (CsvDialect d : values()) {
            if (d.code.equals(code.trim())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public CSVFormat format() {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(separator)
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .get();
    }

    /** A decimal in this dialect's decimal mark, plain (no exponent, no grouping); empty for null. */
    public String decimal(BigDecimal value) {
        if (value == null) {
            return "";
        }
        String s = value.toPlainString();
        return decimalMark == '.' ? s : s.replace('.', decimalMark);
    }
}
