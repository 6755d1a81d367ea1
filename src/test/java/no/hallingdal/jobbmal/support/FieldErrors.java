package no.hallingdal.jobbmal.support;

import no.hallingdal.jobbmal.common.FieldError;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.ValidationException;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Assertions on the field errors a service reports: the field, the message key and its arguments (where an
 * argument carries a limit, the limit must be the one the rule names), and that the key has a text in both
 * languages that shows every argument to the user.
 */
public final class FieldErrors {

    private static final Messages MESSAGES = new Messages();

    private FieldErrors() {
    }

    /** A field error as text, e.g. {@code amount result.error.amount.max [500]}, for readable failures. */
    public static String describe(FieldError e) {
        return e.field() + " " + e.messageKey() + " " + Arrays.asList(e.args());
    }

    public static List<String> describe(List<FieldError> errors) {
        return errors.stream().map(FieldErrors::describe).toList();
    }

    /** Exactly one error: on {@code field}, with {@code key} and exactly these arguments. */
    public static void assertOnly(List<FieldError> errors, String field, String key, Object... args) {
        assertEquals(List.of(field + " " + key + " " + Arrays.asList(args)), describe(errors));
        // the same, by value and type (an Integer 500 is not a Long 500)
        assertEquals(Arrays.asList(args), Arrays.asList(errors.get(0).args()));
        assertShown(key, args);
    }

    /** {@code key} has a text in Norwegian and English, and each shows every argument. */
    public static void assertShown(String key, Object... args) {
        assertTrue(MESSAGES.has(key), () -> "no text for " + key);
        for (Locale locale : List.of(Messages.NB, Messages.EN)) {
            String text = MESSAGES.get(locale, key, args);
            for (Object arg : args) {
                // a date is shown as the reader writes it (Messages formats it)
                String shown = arg instanceof java.time.LocalDate d ? Formats.date(d, locale) : String.valueOf(arg);
                assertTrue(text.contains(shown), () -> locale + " " + key + " does not show " + arg
                        + ": " + text);
            }
        }
    }

    /** Exactly one error, as {@link #assertOnly(List, String, String, Object...)} with the arguments in a list. */
    public static void assertOnly(List<FieldError> errors, String field, String key, List<?> args) {
        assertOnly(errors, field, key, args.toArray());
    }

    public static void assertNone(List<FieldError> errors) {
        assertTrue(errors.isEmpty(), () -> "expected no errors, got " + describe(errors));
    }

    /** The errors of the {@link ValidationException} that {@code call} must throw. */
    public static List<FieldError> refused(Executable call) {
        return assertThrows(ValidationException.class, call).errors();
    }
}
