package no.hallingdal.jobbmal.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.Programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The annual report (årsrapport) per year of the period, made for the board and the county; prints on A4. */
@Path("/reports")
public class ReportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Page page, Programme programme, int year, DashboardView view,
                Progress.MonthRow position, boolean locked, Instant producedAt, List<ProjectSection> projects);

        static native TemplateInstance index(Page page, Programme programme, List<Integer> years);
    }

    @Inject
    Pages pages;

    @Inject
    ProgressService service;

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    @Inject
    ProgressViews views;

    @Inject
    EntityManager em;

    /** One result line of the report. */
    public record Line(LocalDate date, String municipality, String kind, BigDecimal amount, String company,
            String status) {
    }

    /** A project and its results in the year. */
    @TemplateData
    public record ProjectSection(long id, String name, List<Line> lines, BigDecimal counted, BigDecimal pending) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        Programme programme = Programme.get();
        List<Integer> years = new ArrayList<>();
        for (int y = programme.startDate.getYear(); y <= programme.endDate.getYear(); y++) {
            years.add(y);
        }
        return Templates.index(pages.page("home", "report.index.title"), programme, years);
    }

    @GET
    @Path("/{year}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance report(@PathParam("year") String yearParam) {
        Programme programme = Programme.get();
        int year;
        try {
            year = Integer.parseInt(yearParam);
        } catch (NumberFormatException e) {
            throw new NotFoundException("report.notfound");
        }
        if (year < programme.startDate.getYear() || year > programme.endDate.getYear()) {
            throw new NotFoundException("report.notfound");
        }
        var loc = locale.get();
        DashboardView view = views.view(new ProgressFilter(year, null, null, null), Municipality.listOrdered());
        // the cumulative position against the whole goal at the end of the year (or today, if sooner)
        Progress whole = service.progress(ProgressFilter.ALL, loc);
        Progress.MonthRow position = null;
        for (Progress.MonthRow m : whole.byMonth()) {
            if (m.month().compareTo(year + "-12") <= 0 && m.month().compareTo(whole.today().toString().substring(0, 7)) <= 0) {
                position = m;
            }
        }
        if (position == null) {
            position = new Progress.MonthRow(year + "-01", ProgressService.one(BigDecimal.ZERO),
                    ProgressService.one(BigDecimal.ZERO), ProgressService.one(BigDecimal.ZERO));
        }
        Object lockedRow = em.createNativeQuery("SELECT COUNT(*) FROM year_lock WHERE lock_year = ?1 AND locked = TRUE")
                .setParameter(1, year).getSingleResult();
        boolean locked = ((Number) lockedRow).intValue() > 0;
        String title = messages.get(loc, "report.title", year, programme.name);
        return Templates.report(pages.plain("home", title), programme, year, view, position, locked, Instant.now(),
                projects(year, loc));
    }

    @SuppressWarnings("unchecked")
    List<ProjectSection> projects(int year, java.util.Locale loc) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.id, p.name, r.result_date, m.name, r.kind, r.amount, r.company_name, r.status
                FROM result r JOIN project p ON p.id = r.project_id JOIN municipality m ON m.code = r.municipality_code
                WHERE r.result_year = ?1 AND r.status IN ('APPROVED', 'PENDING')
                ORDER BY p.name, p.id, r.result_date, r.id""").setParameter(1, year).getResultList();
        Map<Long, ProjectSection> sections = new LinkedHashMap<>();
        Map<Long, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            ProjectSection s = sections.computeIfAbsent(id, k -> new ProjectSection(k, (String) r[1], new ArrayList<>(),
                    null, null));
            BigDecimal amount = (BigDecimal) r[5];
            String kind = (String) r[4];
            String status = (String) r[7];
            s.lines().add(new Line(toDate(r[2]), (String) r[3], messages.get(loc, "report.kind." + kind), amount,
                    (String) r[6], messages.get(loc, "report.status." + status)));
            BigDecimal[] sum = sums.computeIfAbsent(id, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if ("NEW_JOBS".equals(kind)) {
                int i = "APPROVED".equals(status) ? 0 : 1;
                sum[i] = sum[i].add(amount);
            }
        }
        List<ProjectSection> out = new ArrayList<>();
        for (ProjectSection s : sections.values()) {
            BigDecimal[] sum = sums.get(s.id());
            out.add(new ProjectSection(s.id(), s.name(), s.lines(), ProgressService.one(sum[0]),
                    ProgressService.one(sum[1])));
        }
        return out;
    }

    private static LocalDate toDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }
}
