package no.hallingdal.jobbmal.mail;

import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.Messages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/** Texts, dates and amounts in the recipient's language, for the e-mail templates. */
public record MailText(Messages messages, Locale locale) {

    public String t(String key, Object... args) {
        return messages.get(locale, key, args);
    }

    public String date(LocalDate d) {
        return Formats.date(d, locale);
    }

    public String amount(BigDecimal v) {
        return Formats.amount(v, locale);
    }
}
