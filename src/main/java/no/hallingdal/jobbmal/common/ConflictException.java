package no.hallingdal.jobbmal.common;

/**
 * The request conflicts with the current state: an edit based on an old version, or an illegal
 * status transition. 409 in the API, a message on the page. Nothing is changed.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
