package no.hallingdal.jobbmal.common;

/**
 * The service cannot do this now, through no fault of the request (the disk is full, the data folder cannot
 * be written, a backup could not be written): 503 with a message saying so, and Retry-After.
 */
public class UnavailableException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public UnavailableException(String messageKey, Object... args) {
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
