package no.hallingdal.jobbmal.result;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.programme.Programme;

import java.util.List;
import java.util.Set;

/**
 * "Til godkjenning", the admin's queue of pending results: shown by {@link ApprovalResource}, and again by
 * {@link ResultResource} with a message when an approval or return posted from it is refused.
 */
@RequestScoped
public class ApprovalPage {

    /** The queue shows at most this many results, oldest first. */
    public static final int LIMIT = 500;

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance approvals(Page page, List<ResultView> results, long total,
                Set<Integer> lockedYears);
    }

    @Inject
    ResultSearch search;

    @Inject
    YearLocks yearLocks;

    @Inject
    Pages pages;

    @Inject
    ResultPolicy policy;

    /** The page, with {@code error} shown above the queue when not null. */
    TemplateInstance render(Programme programme, String error) {
        policy.requireAdmin(programme.id);
        Page page = pages.page("admin", "result.approvals.title");
        if (error != null) {
            page.withError(error);
        }
        return Templates.approvals(page, search.pending(programme, LIMIT), search.pendingCount(programme.id),
                yearLocks.lockedYears(programme.id));
    }
}
