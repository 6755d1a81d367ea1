package no.hallingdal.jobbmal.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The date and retry rules of e-mails, each boundary once. */
class MailRulesTest {

    static final LocalDate DUE = LocalDate.of(2027, 3, 12);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2027-03-04, false", // the day before the window (8 days before)
            "2027-03-05, true", // the first day (7 days before)
            "2027-03-11, true",
            "2027-03-12, true", // the due date
            "2027-03-13, false" // the day after
    })
    void theReminderWindowIsFromSevenDaysBeforeToTheDueDate(String today, boolean in) {
        assertEquals(in, MailRules.inReminderWindow(DUE, LocalDate.parse(today), 7));
    }

    @Test
    void withZeroDaysOnlyTheDueDateIsInTheWindow() {
        assertTrue(MailRules.inReminderWindow(DUE, DUE, 0));
        assertFalse(MailRules.inReminderWindow(DUE, DUE.minusDays(1), 0));
    }

    @ParameterizedTest(name = "after attempt {0}: {1} min")
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "5, 16", "6, 32", "7, 60", "8, 60", "30, 60"})
    void theBackOffDoublesUpToAnHour(int attempts, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), MailRules.backoff(attempts));
    }

    @Test
    void theDigestDayIsTheConfiguredWeekday() {
        assertTrue(MailRules.isDigestDay(LocalDate.of(2026, 12, 7), DayOfWeek.MONDAY));
        assertFalse(MailRules.isDigestDay(LocalDate.of(2026, 12, 6), DayOfWeek.MONDAY));
        assertFalse(MailRules.isDigestDay(LocalDate.of(2026, 12, 8), DayOfWeek.MONDAY));
        assertTrue(MailRules.isDigestDay(LocalDate.of(2026, 12, 11), DayOfWeek.FRIDAY));
    }

    @Test
    void aDigestIsOncePerIsoWeek() {
        assertEquals("2026-W50", MailRules.isoWeek(LocalDate.of(2026, 12, 7)));
        assertEquals("2026-W50", MailRules.isoWeek(LocalDate.of(2026, 12, 13)));
        assertEquals("2026-W53", MailRules.isoWeek(LocalDate.of(2027, 1, 1)), "the ISO year, not the calendar year");
    }

    @Test
    void theSenderIsTheProgrammeWithTheConfiguredAddress() {
        assertEquals("Sats på Hallingdal <jobbmal@example.no>",
                MailSender.sender("Sats på Hallingdal", "jobbmal@example.no"));
        assertEquals("Sats på Hallingdal <jobbmal@example.no>",
                MailSender.sender("Sats på Hallingdal", "Jobbmål <jobbmal@example.no>"));
        assertEquals("Navn med anførsel og komma <a@b.no>",
                MailSender.sender("Navn med \"anførsel\" og, komma <>", "a@b.no"));
        assertThrows(IllegalStateException.class, () -> MailSender.sender("X", " "));
    }
}
