package no.hallingdal.jobbmal.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parsing of form text into values; a value that cannot be parsed adds a field error and gives null. */
public final class Inputs {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+([.,]\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final DateTimeFormatter NB_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** The years a year filter accepts. */
    public static final int YEAR_MIN = 1900;
    public static final int YEAR_MAX = 2200;

    private Inputs() {
    }

    /** A year between {@link #YEAR_MIN} and {@link #YEAR_MAX}; null when empty or bad. */
    public static Integer year(String raw, String field, Errors errors) {
        Long y = integer(raw, field, errors);
        if (y != null && (y < YEAR_MIN || y > YEAR_MAX)) {
            errors.add(field, "error.integer");
            return null;
        }
        return y == null ? null : y.intValue();
    }

    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        return t.isEmpty() ? null : t;
    }

    /** A decimal with comma or point as decimal mark; spaces (thousands separators) are ignored. */
    public static BigDecimal decimal(String raw, String field, Errors errors) {
        String t = text(raw);
        if (t == null) {
            return null;
        }
        t = t.replace(" ", "").replace("\u00a0", "").replace("\u2212", "-");
        if (!DECIMAL.matcher(t).matches()) {
            errors.add(field, "error.number");
            return null;
        }
        int mark = Math.max(t.indexOf(','), t.indexOf('.'));
        if (mark >= 0 && t.length() - mark - 1 == 3) {
            // "1,500" or "1.500" is a thousands separator in one language and a decimal in the other:
            // refuse it rather than guess (no amount here has more than one decimal)
            errors.add(field, "error.number.grouping");
            return null;
        }
        return new BigDecimal(t.replace(',', '.'));
    }

    public static Long integer(String raw, String field, Errors errors) {
        String t = text(raw);
        if (t == null) {
            return null;
        }
        t = t.replace(" ", "").replace("\u00a0", "").replace("\u2212", "-");
        if (!INTEGER.matcher(t).matches() || t.length() > 18) {
            errors.add(field, "error.integer");
            return null;
        }
        return Long.parseLong(t);
    }

    /** A date as yyyy-MM-dd (what a date input sends) or dd.MM.yyyy. */
    public static LocalDate date(String raw, String field, Errors errors) {
        String t = text(raw);
        if (t == null) {
            return null;
        }
        try {
            return t.contains(".") ? LocalDate.parse(t, NB_DATE) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.add(field, "error.date");
            return null;
        }
    }
}
