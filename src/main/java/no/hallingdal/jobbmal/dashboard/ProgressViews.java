package no.hallingdal.jobbmal.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;

import java.util.List;

/** Builds the {@link DashboardView} of a scope, for the dashboard, municipality, project and report pages. */
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

    /** The view of a scope; the cross table has a row per municipality in {@code rows}. */
    public DashboardView view(ProgressFilter filter, List<Municipality> rows) {
        Progress p = service.progress(filter, locale.get());
        return new DashboardView(p, messages, locale.get(), json, rows, FocusArea.listOrdered());
    }

    /** The headline, cumulative chart and breakdowns of one project, against its expected new jobs. */
    public DashboardView project(long projectId) {
        return view(new ProgressFilter(null, null, null, projectId), Municipality.listOrdered());
    }
}
