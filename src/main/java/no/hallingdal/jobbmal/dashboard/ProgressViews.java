package no.hallingdal.jobbmal.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;

/** Progress views for pages outside the dashboard (the project page). */
@ApplicationScoped
public class ProgressViews {

    @Inject
    ProgressService service;

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    @Inject
    ObjectMapper json;

    /** The headline, cumulative chart and breakdowns of one project, against its expected new jobs. */
    public DashboardView project(long projectId) {
        Progress p = service.progress(new ProgressFilter(null, null, null, projectId), locale.get());
        return new DashboardView(p, messages, locale.get(), json, Municipality.listOrdered(), FocusArea.listOrdered());
    }
}
