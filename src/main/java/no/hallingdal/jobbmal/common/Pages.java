package no.hallingdal.jobbmal.common;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Optional;

/** Builds the {@link Page} for the current request. */
@RequestScoped
public class Pages {

    @Inject
    Messages messages;

    @Inject
    RequestLocale requestLocale;

    @Inject
    Viewer viewer;

    @Inject
    HttpServerRequest request;

    @Inject
    Instance<PendingCounter> pendingCounter;

    @Inject
    Instance<ProgrammeName> programmeName;

    /** A page with a title from a message key (with arguments) and the navigation entry to mark. */
    public Page page(String nav, String titleKey, Object... args) {
        var locale = requestLocale.get();
        String title = messages.get(locale, titleKey, args);
        return plain(nav, title);
    }

    /**
     * A page for content shared by every user (rendered once and cached): the language, its texts and
     * formats only; no user, path, flash or pending count, so cached HTML can never show one user's
     * details to another.
     */
    public Page shared(String nav, String titleKey) {
        var locale = requestLocale.get();
        return new Page(messages, locale, messages.get(locale, titleKey), nav, null, null, null, null, null, 0);
    }

    /** A page whose title is given as text (e.g. a project name). */
    public Page plain(String nav, String title) {
        var locale = requestLocale.get();
        // Errors for unmatched routes are rendered on an I/O thread, where the database must not be used.
        boolean ioThread = io.vertx.core.Context.isOnEventLoopThread();
        String programme = ioThread || !programmeName.isResolvable() ? "Jobbmål" : programmeName.get().name();
        Viewer.Shown user = ioThread ? null : viewer.shown().orElse(null);
        long pending = 0;
        if (user != null && pendingCounter.isResolvable()) {
            pending = pendingCounter.get().pendingCount(user.role());
        }
        String path = request.uri();
        return new Page(messages, locale, title, nav, programme,
                user == null ? null : user.displayName(), user == null ? null : user.role(),
                path, flash(locale), pending);
    }

    private String flash(java.util.Locale locale) {
        Cookie c = request.getCookie(Flash.COOKIE);
        if (c == null) {
            return null;
        }
        String[] parts = Flash.decode(c.getValue());
        if (parts == null || !messages.has(parts[0])) {
            return null;
        }
        return parts[1] == null ? messages.get(locale, parts[0]) : messages.get(locale, parts[0], parts[1]);
    }

    /** Implemented by the results feature: how many results await approval, for a user with this role (0 when not theirs to approve). */
    public interface PendingCounter {
        long pendingCount(String role);
    }

    /** Implemented by the accounts feature: the logged-in user as the page header shows them. */
    public interface Viewer {
        /** The user's name and role code; empty when anonymous. */
        Optional<Shown> shown();

        record Shown(String displayName, String role) {
        }
    }

    /** Implemented by the programme feature: the name every page header shows. */
    public interface ProgrammeName {
        String name();
    }
}
