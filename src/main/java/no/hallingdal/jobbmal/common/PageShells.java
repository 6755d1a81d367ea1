package no.hallingdal.jobbmal.common;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The layout around content that is cached as bytes (the dashboard): the header, navigation and footer
 * rendered once per user, page and data version, with this request's CSRF token put in where the
 * logout form has it. Rendering the layout with Qute on every request was about a fifth of the
 * dashboard's time (docs/benchmarks.md).
 * <p>
 * The layout shows the {@link Page}'s language, title, programme (name, prefix, period), user name and role, the
 * user's links (programme chooser, system administration, county overview), path and pending count, and nothing
 * else but the token, so those are the key. A page with a flash message is
 * rendered afresh every time (the message is shown once).
 */
@ApplicationScoped
public class PageShells {

    /** Layouts kept per data version (one per user, language and filter in practice). */
    static final int MAX_ENTRIES = 500;

    @Inject
    DataVersion dataVersion;

    @Inject
    CsrfTokenParameterProvider csrf;

    private record Key(String lang, String title, String nav, String programmeName, String base, String periodName,
            String userName, String userRole, boolean chooser, boolean systemAdmin, boolean countyOverview,
            String path, long pendingCount) {
    }

    /** The layout cut at the token and at the content: before + token + middle + content + after. */
    private record Shell(byte[] before, byte[] middle, byte[] after) {
    }

    private final VersionedCache<Key, Shell> shells = new VersionedCache<>(MAX_ENTRIES);

    /**
     * The whole page: {@code render} renders the layout for a page with {@code mark} where the content
     * goes (a string the layout shows nowhere else); {@code content} is the cached content as UTF-8.
     */
    public byte[] page(Page page, String mark, Function<Page, String> render, byte[] content) {
        String token = token();
        if (page.flash != null || page.hasErrors() || page.errorMessage() != null || token == null) {
            return splice(render.apply(page), mark, content);
        }
        Key key = new Key(page.lang, page.title, page.nav, page.programmeName, page.base, page.periodName,
                page.userName, page.userRole, page.chooser, page.systemAdmin, page.countyOverview, page.currentPath,
                page.pendingCount);
        Shell shell = shells.get(dataVersion.current(), key, () -> cut(render.apply(page), token, mark));
        if (shell == null) {
            return splice(render.apply(page), mark, content);
        }
        byte[] t = token.getBytes(StandardCharsets.UTF_8);
        return concat(shell.before, t, shell.middle, content, shell.after);
    }

    /** This request's CSRF token, or null when the request has none (it then gets no cached layout). */
    private String token() {
        try {
            String t = csrf.getToken();
            return t == null || t.isEmpty() ? null : t;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** Cuts a rendered layout at the one place it shows the token, and at the content mark after it. */
    private static Shell cut(String layout, String token, String mark) {
        int t = layout.indexOf(token);
        int m = layout.indexOf(mark);
        if (t < 0 || m < t || layout.indexOf(token, t + token.length()) >= 0) {
            return null; // not the expected layout: render it per request
        }
        return new Shell(bytes(layout.substring(0, t)), bytes(layout.substring(t + token.length(), m)),
                bytes(layout.substring(m + mark.length())));
    }

    private static byte[] splice(String layout, String mark, byte[] content) {
        int at = layout.indexOf(mark);
        return concat(bytes(layout.substring(0, at)), content, bytes(layout.substring(at + mark.length())));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
