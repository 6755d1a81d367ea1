package no.hallingdal.jobbmal.dashboard;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.VersionedCache;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.municipality.ReferenceData;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.Period;
import no.hallingdal.jobbmal.result.ResultFigure;
import no.hallingdal.jobbmal.result.ResultSearch;
import no.hallingdal.jobbmal.result.YearLocks;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The annual report (årsrapport) of a year of the period: its figures and every project's results (docs/dashboard.md). */
@ApplicationScoped
public class AnnualReports {

    @Inject
    ProgressService progress;

    @Inject
    ProgressViews views;

    @Inject
    ReferenceData referenceData;

    @Inject
    YearLocks yearLocks;

    @Inject
    Messages messages;

    @Inject
    EntityManager em;

    @Inject
    DataVersion dataVersion;

    /** One result line of the report. */
    public record Line(LocalDate date, String municipality, String kind, BigDecimal amount, String company,
            String status) {
    }

    /**
     * A project with its counted and pending new jobs in the year, its approved and pending results that year
     * ({@code results}), and their lines when there are at most {@link #LINES_PER_PROJECT} (else {@code lines} is
     * empty and the report links to the results list).
     */
    @TemplateData
    public record ProjectSection(long id, String name, List<Line> lines, BigDecimal counted, BigDecimal pending,
            long results) {

        public boolean listed() {
            return results <= LINES_PER_PROJECT;
        }
    }

    /** A project's results are listed in the report up to this many in the year (as many as its own page shows). */
    public static final int LINES_PER_PROJECT = ResultSearch.PROJECT_PAGE_RESULTS;

    /** Everything the report of a year shows. */
    public record Report(Programme programme, int year, DashboardView view, Progress.MonthRow position,
            BigDecimal positionGoal, boolean locked, Instant producedAt, List<ProjectSection> projects) {
    }

    /** The report of {@code yearParam}; 404 for anything but a year of the programme's periods. */
    public Report report(Programme programme, String yearParam, Locale locale) {
        int year;
        try {
            year = Integer.parseInt(yearParam);
        } catch (NumberFormatException e) {
            throw new NotFoundException("report.notfound");
        }
        if (!programme.years().contains(year)) {
            throw new NotFoundException("report.notfound");
        }
        ProgressFilter whole = ProgressFilter.of(programme.id, ProgressFilter.WHOLE);
        DashboardView view = views.view(whole.withYear(year), List.copyOf(programme.municipalities));
        Progress period = progress.progress(ProgressFilter.of(programme.id, periodAt(programme, year)), locale);
        List<ProjectSection> projects = projectCache.get(dataVersion.current(), new ProjectsKey(programme.id, year, locale),
                () -> List.copyOf(projects(programme, year, locale)));
        return new Report(programme, year, view, position(period, year), period.goal(),
                yearLocks.isLocked(programme.id, year), Instant.now(), projects);
    }

    private record ProjectsKey(long programme, int year, Locale locale) {
    }

    /**
     * The year's project sections, cached like the figures (docs/architecture.md, "Caching"): 16 readers of a
     * million-result programme's report answered p50 56 ms without it (docs/benchmarks.md).
     */
    private final VersionedCache<ProjectsKey, List<ProjectSection>> projectCache =
            new VersionedCache<>(ProgressService.CACHE_ENTRIES);

    /** The index of the period the year ends in, else of the last period that touches the year. */
    private static int periodAt(Programme programme, int year) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        int period = 0;
        for (Period p : programme.periods) {
            if (!p.startDate.isAfter(yearEnd) && p.endDate.getYear() >= year) {
                period = programme.indexOf(p);
                if (p.contains(yearEnd)) {
                    break;
                }
            }
        }
        return period;
    }

    /** The cumulative position in the period at the end of the year (or today, if sooner). */
    private static Progress.MonthRow position(Progress whole, int year) {
        Progress.MonthRow position = null;
        String today = whole.today().toString().substring(0, 7);
        for (Progress.MonthRow m : whole.byMonth()) {
            if (m.month().compareTo(year + "-12") <= 0 && m.month().compareTo(today) <= 0) {
                position = m;
            }
        }
        if (position == null) {
            BigDecimal zero = ProgressService.one(BigDecimal.ZERO);
            position = new Progress.MonthRow(year + "-01", zero, zero, zero);
        }
        return position;
    }

    /**
     * The year's projects with approved or pending results in a period: their figures from the figures' aggregate
     * (result.ResultSums), and the lines of those with few enough, in project and date order.
     */
    @SuppressWarnings("unchecked")
    List<ProjectSection> projects(Programme programme, int year, Locale locale) {
        Map<Long, long[]> counts = new LinkedHashMap<>();
        Map<Long, Map<ResultFigure, BigDecimal>> sums = new LinkedHashMap<>();
        List<Object[]> groups = em.createNativeQuery("""
                SELECT p.id, s.kind, s.status, SUM(s.result_count), SUM(s.amount) FROM result_sum s
                JOIN project p ON p.id = s.project_id
                WHERE s.programme_id = :programme AND s.result_year = :year AND s.period_id <> 0
                  AND s.status IN ('APPROVED', 'PENDING')
                GROUP BY p.name, p.id, s.kind, s.status HAVING SUM(s.result_count) > 0 ORDER BY p.name, p.id""")
                .setParameter("programme", programme.id).setParameter("year", year).getResultList();
        for (Object[] g : groups) {
            long id = ((Number) g[0]).longValue();
            counts.computeIfAbsent(id, k -> new long[1])[0] += ((Number) g[3]).longValue();
            BigDecimal amount = g[4] instanceof BigDecimal b ? b : new BigDecimal(g[4].toString());
            ResultFigure.of((String) g[1], (String) g[2]).ifPresent(f -> sums.computeIfAbsent(id,
                    k -> new EnumMap<>(ResultFigure.class)).merge(f, amount, BigDecimal::add));
        }
        List<Long> listed = counts.entrySet().stream().filter(e -> e.getValue()[0] <= LINES_PER_PROJECT)
                .map(Map.Entry::getKey).toList();
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<Line>> lines = new LinkedHashMap<>();
        if (!counts.isEmpty()) {
            em.createQuery("select p.id, p.name from Project p where p.id in :ids", Object[].class)
                    .setParameter("ids", counts.keySet()).getResultList()
                    .forEach(r -> names.put((Long) r[0], (String) r[1]));
        }
        if (!listed.isEmpty()) {
            StringBuilder sql = new StringBuilder("""
                    SELECT r.project_id, r.result_date, m.name, r.kind, r.amount, r.company_name, r.status
                    FROM result r JOIN municipality m ON m.code = r.municipality_code
                    WHERE r.programme_id = :programme AND r.result_year = :year AND r.project_id IN (:projects)
                      AND r.status IN ('APPROVED', 'PENDING')""");
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("programme", programme.id);
            params.put("year", year);
            params.put("projects", listed);
            ProgressService.appendPeriodDates(sql, params, programme,
                    ProgressFilter.of(programme.id, ProgressFilter.WHOLE));
            sql.append(" ORDER BY r.project_id, r.result_date, r.id");
            var q = em.createNativeQuery(sql.toString());
            params.forEach(q::setParameter);
            for (Object[] r : (List<Object[]>) q.getResultList()) {
                lines.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new Line(date(r[1]),
                        (String) r[2], messages.get(locale, "report.kind." + r[3]), (BigDecimal) r[4], (String) r[5],
                        messages.get(locale, "report.status." + r[6])));
            }
        }
        List<ProjectSection> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : counts.entrySet()) {
            Map<ResultFigure, BigDecimal> sum = sums.getOrDefault(e.getKey(), Map.of());
            out.add(new ProjectSection(e.getKey(), names.get(e.getKey()), lines.getOrDefault(e.getKey(), List.of()),
                    ProgressService.one(sum.getOrDefault(ResultFigure.COUNTED, BigDecimal.ZERO)),
                    ProgressService.one(sum.getOrDefault(ResultFigure.PENDING, BigDecimal.ZERO)), e.getValue()[0]));
        }
        return out;
    }

    private static LocalDate date(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        return o instanceof Date d ? d.toLocalDate() : LocalDate.parse(o.toString());
    }
}
