package no.hallingdal.jobbmal.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.PageShells;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import no.hallingdal.jobbmal.municipality.ReferenceData;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The progress dashboard ("Oversikt"), the landing page after login. */
@Path("/")
@InProgramme
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Page page, String content);

        static native TemplateInstance dashboardContent(Page page, Programme programme,
                ProgrammeScope.PeriodChoice choice, DashboardView view, ProgressFilter filter, List<Integer> years,
                List<Municipality> municipalities, List<FocusArea> focusAreas,
                List<ProgressService.ProjectRow> projects, String sort, String dir, String filterQuery);
    }

    @Inject
    Pages pages;

    @Inject
    ProgressService service;

    @Inject
    ProgressFilters filters;

    @Inject
    ProgressViews views;

    @Inject
    RequestLocale locale;

    @Inject
    PageShells shells;

    @Inject
    ProgrammeScope scope;

    @Inject
    ReferenceData referenceData;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response dashboard(@QueryParam("year") String year, @QueryParam("municipality") String municipality,
            @QueryParam("focusArea") String focusArea, @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        ProgrammeScope.PeriodChoice choice = scope.period();
        ProgressFilter filter = filters.parse(choice, year, municipality, focusArea, null);
        String s = sort != null && List.of("name", "expected", "counted", "pending").contains(sort) ? sort : "counted";
        String d = "asc".equals(dir) ? "asc" : "desc";
        byte[] content = views.fragment(new ContentKey(filter, s, d, locale.get(), service.today()),
                () -> content(choice, filter, s, d));
        // The layout (user, messages) is cached too, with the request's CSRF token put in (PageShells).
        byte[] page = shells.page(pages.page("home", "dashboard.title"), CONTENT_MARK,
                p -> Templates.dashboard(p, CONTENT_MARK).render(), content);
        return Response.ok(page, HTML).build();
    }

    /** Where the layout takes the content; a comment no template writes. */
    private static final String CONTENT_MARK = "<!--jobbmal:dashboard-content-->";

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name());

    /** Everything the content shows besides the data; it shows nothing about the user. */
    private record ContentKey(ProgressFilter filter, String sort, String dir, java.util.Locale locale,
            java.time.LocalDate today) {
    }

    /** The page's content: the same for every user, so it is rendered once per data version. */
    private String content(ProgrammeScope.PeriodChoice choice, ProgressFilter filter, String sort, String dir) {
        Programme programme = choice.programme();
        List<Municipality> municipalities = List.copyOf(programme.municipalities);
        List<FocusArea> focusAreas = referenceData.focusAreas(programme.id);
        DashboardView view = views.view(filter, scoped(municipalities, filter));
        List<ProgressService.ProjectRow> projects = sorted(service.projects(filter, locale.get()), sort, dir);
        return Templates.dashboardContent(pages.shared("home", "dashboard.title"), programme, choice, view, filter,
                choice.whole() ? programme.years() : choice.period().years(),
                municipalities, focusAreas, projects, sort, dir, query(filter)).render();
    }

    private static List<Municipality> scoped(List<Municipality> all, ProgressFilter filter) {
        return filter.municipality() == null ? all
                : all.stream().filter(m -> m.code.equals(filter.municipality())).toList();
    }

    static List<ProgressService.ProjectRow> sorted(List<ProgressService.ProjectRow> rows, String sort, String dir) {
        Comparator<ProgressService.ProjectRow> c = switch (sort) {
            case "name" -> Comparator.comparing(ProgressService.ProjectRow::name, String.CASE_INSENSITIVE_ORDER);
            case "expected" -> Comparator.comparing(ProgressService.ProjectRow::expected);
            case "pending" -> Comparator.comparing(ProgressService.ProjectRow::pending);
            default -> Comparator.comparing(ProgressService.ProjectRow::counted);
        };
        if ("desc".equals(dir)) {
            c = c.reversed();
        }
        List<ProgressService.ProjectRow> out = new ArrayList<>(rows);
        out.sort(c.thenComparing(ProgressService.ProjectRow::name));
        return out;
    }

    /** The filter as a query string (for sort links), already URL-encoded. */
    static String query(ProgressFilter f) {
        StringBuilder sb = new StringBuilder("&period=" + (f.whole() ? ProgrammeScope.ALL_PERIODS : f.period()));
        if (f.year() != null) {
            sb.append("&year=").append(f.year());
        }
        if (f.municipality() != null) {
            sb.append("&municipality=").append(f.municipality());
        }
        if (f.focusArea() != null) {
            sb.append("&focusArea=").append(f.focusArea());
        }
        return sb.toString();
    }
}
