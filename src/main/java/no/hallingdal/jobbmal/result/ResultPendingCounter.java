package no.hallingdal.jobbmal.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Pages;

/** Gives the navigation the number of results awaiting approval (shown to admins). */
@ApplicationScoped
public class ResultPendingCounter implements Pages.PendingCounter {

    @Inject
    ResultService service;

    @Override
    public long pendingCount() {
        return service.pendingCount();
    }
}
