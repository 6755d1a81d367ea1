package no.hallingdal.jobbmal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import no.hallingdal.jobbmal.common.Errors;

/** The logged-in user's language and e-mail choices (Min konto); e-mails read them through {@link UserPreference}. */
@ApplicationScoped
public class Preferences {

    @Inject
    CurrentUser currentUser;

    @Transactional
    public UserPreference mine() {
        return UserPreference.of(currentUser.require().id);
    }

    /**
     * Saves the form: {@code language} (nb or en, required) and a checkbox per kind of e-mail (absent = off).
     * Returns the saved preferences.
     */
    @Transactional
    public UserPreference save(MultivaluedMap<String, String> form) {
        long userId = currentUser.require().id;
        String language = form.getFirst("language");
        Errors errors = new Errors();
        if (language == null || language.isBlank()) {
            errors.add("language", "error.required");
        } else if (!UserPreference.NB.equals(language) && !UserPreference.EN.equals(language)) {
            errors.add("language", "preferences.error.language");
        }
        errors.throwIfAny();
        UserPreference p = UserPreference.findById(userId);
        if (p == null) {
            p = new UserPreference();
            p.userId = userId;
            p.persist();
        }
        p.language = language;
        p.mailReminder = form.containsKey("mailReminder");
        p.mailReturned = form.containsKey("mailReturned");
        p.mailDigest = form.containsKey("mailDigest");
        return p;
    }
}
