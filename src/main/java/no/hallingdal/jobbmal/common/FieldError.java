package no.hallingdal.jobbmal.common;

/** A message about one input field: the field's name (as in the API) and a message key with arguments. */
public record FieldError(String field, String messageKey, Object... args) {
}
