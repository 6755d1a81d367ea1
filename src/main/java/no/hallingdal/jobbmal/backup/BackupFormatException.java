package no.hallingdal.jobbmal.backup;

/**
 * A backup file that cannot be restored (truncated, altered, foreign, from a newer schema): the message key
 * and arguments say why, in words an operator can act on.
 */
public class BackupFormatException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public BackupFormatException(String messageKey, Object... args) {
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
