package no.hallingdal.jobbmal.support;

import no.hallingdal.jobbmal.common.FieldError;
import no.hallingdal.jobbmal.common.ValidationException;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Assertions on the field errors a service reports: the field, the message key and its arguments (where an
 * argument carries a limit, the limit must be the one the rule names).
 */
public final class FieldErrors {

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
