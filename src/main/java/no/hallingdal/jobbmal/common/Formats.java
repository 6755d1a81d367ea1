package no.hallingdal.jobbmal.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every number and date shown to a person is formatted here: Norwegian (dd.MM.yyyy, decimal comma,
 * space as thousands separator) or English (d MMM yyyy, decimal point, comma as thousands separator).
 */
public final class Formats {

    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter NB_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter NB_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private Formats() {
    }

    /**
     * The number formats of one language. Building a DecimalFormat (and its symbols) costs far more than
     * formatting with it, and a page formats hundreds of numbers; DecimalFormat is not thread-safe, so
     * each thread keeps its own.
     */
    private record NumberFormats(DecimalFormat amount, DecimalFormat integer, DecimalFormat percent) {

        static NumberFormats of(boolean english) {
            DecimalFormatSymbols s = new DecimalFormatSymbols(Locale.ROOT);
            if (english) {
                s.setDecimalSeparator('.');
                s.setGroupingSeparator(',');
            } else {
                s.setDecimalSeparator(',');
                s.setGroupingSeparator('\u00a0');
                s.setMinusSign('\u2212');
            }
            DecimalFormat amount = new DecimalFormat("#,##0.#", s);
            amount.setRoundingMode(RoundingMode.HALF_UP);
            DecimalFormat percent = new DecimalFormat("#,##0.0", s);
            percent.setRoundingMode(RoundingMode.HALF_UP);
            return new NumberFormats(amount, new DecimalFormat("#,##0", s), percent);
        }
    }

    private static final ThreadLocal<NumberFormats> NB_NUMBERS = ThreadLocal.withInitial(() -> NumberFormats.of(false));
    private static final ThreadLocal<NumberFormats> EN_NUMBERS = ThreadLocal.withInitial(() -> NumberFormats.of(true));

    private static NumberFormats numbers(Locale locale) {
        return (Messages.isEnglish(locale) ? EN_NUMBERS : NB_NUMBERS).get();
    }

    /** An amount of jobs: at most one decimal, none when whole ("12", "12,5"). */
    public static String amount(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        return numbers(locale).amount().format(value);
    }

    /** A whole number with thousands separator ("1 250 000"). */
    public static String integer(Number value, Locale locale) {
        if (value == null) {
            return "";
        }
        return numbers(locale).integer().format(value);
    }

    /** A percentage rounded half-up to one decimal ("45,3 %"). */
    public static String percent(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        return numbers(locale).percent().format(value) + (Messages.isEnglish(locale) ? "%" : "\u00a0%");
    }

    public static String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return (Messages.isEnglish(locale) ? EN_DATE : NB_DATE).format(date);
    }

    /** A month given as yyyy-MM, in words: "desember 2023", "December 2023". */
    public static String month(String yearMonth, Locale locale) {
        if (yearMonth == null) {
            return "";
        }
        java.time.YearMonth ym = java.time.YearMonth.parse(yearMonth);
        return DateTimeFormatter.ofPattern("LLLL yyyy", Messages.isEnglish(locale) ? Locale.ENGLISH : Messages.NB)
                .format(ym);
    }

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return (Messages.isEnglish(locale) ? EN_TIME : NB_TIME).format(instant.atZone(ZONE));
    }

    /** Plain decimal for form fields, in the language's decimal mark ("12,5"), no grouping. */
    public static String inputDecimal(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        String s = value.stripTrailingZeros().toPlainString();
        return Messages.isEnglish(locale) ? s : s.replace('.', ',');
    }
}
