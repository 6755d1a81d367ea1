package no.hallingdal.jobbmal.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.Pages;

/** Gives the navigation the number of results awaiting approval (shown to admins). */
@ApplicationScoped
public class ResultPendingCounter implements Pages.PendingCounter {

    @Inject
    ResultSearch search;

    @Override
    public long pendingCount(long programmeId, String role) {
        return Role.ADMIN_CODE.equals(role) ? search.pendingCount(programmeId) : 0;
    }
}
