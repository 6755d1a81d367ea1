package no.hallingdal.jobbmal.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.municipality.ReferenceData;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;

import java.util.List;

/** A page per municipality: the dashboard's headline, cumulative chart and breakdowns scoped to it. */
@Path("/municipalities")
@InProgramme
public class MunicipalityPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance municipality(Page page, Municipality municipality, DashboardView view,
                List<ProgressService.ProjectRow> projects);

        static native TemplateInstance list(Page page, List<Progress.AreaRow> rows);
    }

    @Inject
    Pages pages;

    @Inject
    ProgressService service;

    @Inject
    ProgressViews views;

    @Inject
    RequestLocale locale;

    @Inject
    ReferenceData referenceData;

    @Inject
    ProgrammeScope scope;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        ProgrammeScope.PeriodChoice choice = scope.period();
        Progress p = service.progress(ProgressFilter.of(choice.programme().id, choice.index()), locale.get());
        return Templates.list(pages.page("home", "municipality.list.title"), p.byMunicipality());
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance municipality(@PathParam("code") String code) {
        ProgrammeScope.PeriodChoice choice = scope.period();
        Municipality m = referenceData.municipality(code);
        if (!choice.programme().hasMunicipality(m.code)) {
            throw new no.hallingdal.jobbmal.common.NotFoundException("municipality.notfound");
        }
        ProgressFilter filter = ProgressFilter.of(choice.programme().id, choice.index()).withMunicipality(m.code);
        DashboardView view = views.view(filter, List.of(m));
        List<ProgressService.ProjectRow> projects = DashboardResource.sorted(service.projects(filter, locale.get()),
                "counted", "desc");
        return Templates.municipality(pages.plain("home", m.name), m, view, projects);
    }
}
