package no.hallingdal.jobbmal.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.account.UserPreference;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.result.Result;
import no.hallingdal.jobbmal.result.ResultReturned;
import org.jboss.logging.Logger;

/**
 * The e-mail to the lead who registered a result when an admin returns it: written to the outbox in the return's
 * own transaction (so it is sent when, and only when, the return is saved) and sent within a minute by
 * {@link MailSender}. Not when the admin returns their own registration, nor when the lead turned it off.
 */
@ApplicationScoped
public class ReturnedMail {

    private static final Logger LOG = Logger.getLogger(ReturnedMail.class);

    @Inject
    Outbox outbox;

    @Inject
    Letters letters;

    @Inject
    JobbmalConfig config;

    void onReturned(@Observes ResultReturned event) {
        if (!config.mail().enabled()) {
            return;
        }
        Result r = Result.findById(event.resultId());
        User to = r.registeredBy;
        if (to.id == event.returnedBy() || !to.active || to.email == null || to.email.isBlank()) {
            return;
        }
        UserPreference pref = UserPreference.of(to.id);
        if (!pref.mailReturned) {
            return;
        }
        Letter letter;
        try {
            letter = letters.returned("returned:" + r.id + ":" + event.version(), Programme.findById(r.programmeId), to,
                    pref, r, event.reason());
        } catch (RuntimeException e) {
            // never lose the return because its e-mail could not be written
            LOG.errorf(e, "The e-mail about returned result %d could not be written", r.id);
            return;
        }
        outbox.write(letter);
    }
}
