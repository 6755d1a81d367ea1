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
    Instance<ProgrammeHeader> programmeHeader;

    /** A page with a title from a message key (with arguments) and the navigation entry to mark. */
    public Page page(String nav, String titleKey, Object... args) {
        var locale = requestLocale.get();
        String title = messages.get(locale, titleKey, args);
        return plain(nav, title);
    }

    /**
     * A page for content shared by every user (rendered once and cached): the language, its texts and
     * formats and the programme's prefix for links; no user, path, flash or pending count, so cached HTML can
     * never show one user's details to another.
     */
    public Page shared(String nav, String titleKey) {
        var locale = requestLocale.get();
        Header h = header();
        return new Page(messages, locale, messages.get(locale, titleKey), nav, new Header(h.programmeId(), h.name(),
                h.base(), null, h.periodName(), false, false), null, null, null, 0);
    }

    /** A page whose title is given as text (e.g. a project name). */
    public Page plain(String nav, String title) {
        // Errors for unmatched routes are rendered on an I/O thread, where the database must not be used.
        boolean ioThread = io.vertx.core.Context.isOnEventLoopThread();
        return build(nav, title, ioThread ? Header.NONE : header(), ioThread);
    }

    /**
     * A page outside every programme (e.g. the county overview): its header names {@code headerName} instead of a
     * programme, and keeps the user's links (chooser, system administration, county overview).
     */
    public Page outside(String nav, String title, String headerName) {
        Header h = header();
        return build(nav, title, new Header(null, headerName, "", null, null, h.chooser(), h.systemAdmin(),
                h.countyOverview()), false);
    }

    private Page build(String nav, String title, Header header, boolean ioThread) {
        var locale = requestLocale.get();
        Viewer.Shown user = ioThread ? null : viewer.shown().orElse(null);
        long pending = 0;
        if (user != null && header.programmeId() != null && pendingCounter.isResolvable()) {
            pending = pendingCounter.get().pendingCount(header.programmeId(), header.role());
        }
        String path = request.uri();
        return new Page(messages, locale, title, nav, header, user == null ? null : user.displayName(), path,
                flash(locale), pending);
    }

    private Header header() {
        if (!programmeHeader.isResolvable()) {
            return Header.NONE;
        }
        return programmeHeader.get().header().orElse(Header.NONE);
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

    /**
     * Implemented by the results feature: how many results of the programme await approval, for a user with this
     * role there (0 when not theirs to approve).
     */
    public interface PendingCounter {
        long pendingCount(long programmeId, String role);
    }

    /** Implemented by the accounts feature: the logged-in user as the page header shows them. */
    public interface Viewer {
        /** The user's name and role code; empty when anonymous. */
        Optional<Shown> shown();

        record Shown(String displayName) {
        }
    }

    /** Implemented by the programme feature: the programme (and period) the page is in, as its header shows them. */
    public interface ProgrammeHeader {
        Optional<Header> header();
    }

    /**
     * What the header shows of the programme: its id, name and URL prefix ({@code /p/code}), the user's role in it,
     * the period in view, whether to offer the programme chooser, whether the user is a system administrator, and
     * whether to offer the county overview (a county user or a system administrator).
     */
    public record Header(Long programmeId, String name, String base, String role, String periodName,
            boolean chooser, boolean systemAdmin, boolean countyOverview) {
        public static final Header NONE = new Header(null, "Jobbmål", "", null, null, false, false, false);

        /** A header without the county overview's link. */
        public Header(Long programmeId, String name, String base, String role, String periodName, boolean chooser,
                boolean systemAdmin) {
            this(programmeId, name, base, role, periodName, chooser, systemAdmin, false);
        }
    }
}
