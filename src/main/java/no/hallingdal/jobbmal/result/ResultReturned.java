package no.hallingdal.jobbmal.result;

/**
 * Fired (synchronously, inside the transaction) when an admin returns a result, so that the e-mail to its lead is
 * written together with the return (mail.ReturnedMail) without the result feature knowing about e-mail.
 * {@code version} is the result's version after the return: each return is a different event.
 */
public record ResultReturned(long resultId, String reason, long version, long returnedBy) {
}
