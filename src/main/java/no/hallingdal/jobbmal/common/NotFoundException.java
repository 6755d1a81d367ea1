package no.hallingdal.jobbmal.common;

/** An unknown id or code in the path: 404. */
public class NotFoundException extends RuntimeException {

    private final String messageKey;

    public NotFoundException(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
