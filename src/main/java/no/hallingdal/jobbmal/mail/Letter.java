package no.hallingdal.jobbmal.mail;

/** An e-mail composed for one recipient, before it is written to the outbox. */
record Letter(String dedupKey, String kind, long programmeId, long userId, String address, String language,
        String senderName, String subject, String text, String html) {
}
