package no.hallingdal.jobbmal.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects field errors while reading and validating one input; {@link #throwIfAny()} ends the request
 * with a {@link ValidationException} before anything is saved.
 */
public class Errors {

    private final List<FieldError> list = new ArrayList<>();

    public Errors add(String field, String messageKey, Object... args) {
        list.add(new FieldError(field, messageKey, args));
        return this;
    }

    /** True when the field already has an error (e.g. it could not be parsed). */
    public boolean has(String field) {
        return list.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldError> list() {
        return Collections.unmodifiableList(list);
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ValidationException(list);
        }
    }
}
