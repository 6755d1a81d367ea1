package no.hallingdal.jobbmal.mail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The date and retry rules of e-mails (docs/rules.md, "E-mail"), pure so that each boundary is tested once. */
final class MailRules {

    /** The longest wait between two attempts. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(60);

    private MailRules() {
    }

    /**
     * Whether today is in a deadline's reminder window: from {@code days} days before the due date to the due date,
     * both included (with 7: a deadline on the 12th is reminded from the 5th to the 12th).
     */
    static boolean inReminderWindow(LocalDate due, LocalDate today, int days) {
        return !today.isBefore(due.minusDays(days)) && !today.isAfter(due);
    }

    /** The wait after the {@code attempts}-th failed attempt: 1, 2, 4, 8 … minutes, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int attempts) {
        int n = Math.max(1, attempts);
        if (n > 7) {
            return MAX_BACKOFF;
        }
        Duration d = Duration.ofMinutes(1L << (n - 1));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** Whether the digest goes out today. */
    static boolean isDigestDay(LocalDate today, DayOfWeek day) {
        return today.getDayOfWeek() == day;
    }

    /** The ISO week of a day, e.g. {@code 2026-W10}: a digest is sent once per week. */
    static String isoWeek(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
