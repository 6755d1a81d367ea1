package no.hallingdal.jobbmal.common;

import java.util.List;

/** Bad input: 400 with every bad field named (problem+json in the API, messages at the fields on pages). */
public class ValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("validation failed", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String messageKey, Object... args) {
        return new ValidationException(List.of(new FieldError(field, messageKey, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
