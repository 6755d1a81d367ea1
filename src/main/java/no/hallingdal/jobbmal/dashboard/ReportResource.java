package no.hallingdal.jobbmal.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The annual report (årsrapport) per year of the programme and the period report (sluttrapport) per period, made for
 * the board and the county; they print on A4.
 */
@Path("/reports")
@InProgramme
public class ReportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Page page, Programme programme, int year, DashboardView view,
                Progress.MonthRow position, java.math.BigDecimal positionGoal, boolean locked, Instant producedAt,
                List<AnnualReports.ProjectSection> projects);

        static native TemplateInstance index(Page page, Programme programme, List<Integer> years);

        static native TemplateInstance period(Page page, PeriodReports.Report report, DashboardView view, String content);

        static native TemplateInstance periodContent(Page page, PeriodReports.Report report, DashboardView view);
    }

    @Inject
    Pages pages;

    @Inject
    AnnualReports reports;

    @Inject
    PeriodReports periodReports;

    @Inject
    ProgrammeScope scope;

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    @Inject
    ProgressViews views;

    /** Everything the period report's content shows besides the data. */
    private record PeriodContentKey(long programme, int index, java.util.Locale locale, java.time.LocalDate today) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        Programme programme = scope.programme();
        return Templates.index(pages.page("home", "report.index.title"), programme, programme.years());
    }

    @GET
    @Path("/{year}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance report(@PathParam("year") String year) {
        AnnualReports.Report r = reports.report(scope.programme(), year, locale.get());
        String title = messages.get(locale.get(), "report.title", r.year(), r.programme().name);
        return Templates.report(pages.plain("home", title), r.programme(), r.year(), r.view(), r.position(),
                r.positionGoal(), r.locked(), r.producedAt(), r.projects());
    }

    @GET
    @Path("/period/{index}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance period(@PathParam("index") String index) {
        PeriodReports.Report r = periodReports.report(scope.programme(), index, locale.get());
        String title = messages.get(locale.get(), "report.period.title", r.period().name, r.programme().name);
        // the figures, charts and tables: the same for every reader, rendered once per data version (ProgressViews);
        // the header (when it was produced, preliminary or final) is rendered per request
        byte[] content = views.fragment(new PeriodContentKey(r.programme().id, r.index(), locale.get(), r.view().progress.today()),
                () -> Templates.periodContent(pages.shared("home", "report.index.title"), r, r.view()).render());
        return Templates.period(pages.plain("home", title), r, r.view(), new String(content, StandardCharsets.UTF_8));
    }
}
