package no.hallingdal.jobbmal.dashboard;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.municipality.ReferenceData;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.Period;
import no.hallingdal.jobbmal.result.ResultFigure;
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

    /** One result line of the report. */
    public record Line(LocalDate date, String municipality, String kind, BigDecimal amount, String company,
            String status) {
    }

    /** A project and its results in the year, with its counted and pending new jobs. */
    @TemplateData
    public record ProjectSection(long id, String name, List<Line> lines, BigDecimal counted, BigDecimal pending) {
    }

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
        return new Report(programme, year, view, position(period, year), period.goal(),
                yearLocks.isLocked(programme.id, year), Instant.now(), projects(programme, year, locale));
    }

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

    /** The year's approved and pending results per project, in project and date order. */
    @SuppressWarnings("unchecked")
    List<ProjectSection> projects(Programme programme, int year, Locale locale) {
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.name, r.result_date, m.name, r.kind, r.amount, r.company_name, r.status
                FROM result r JOIN project p ON p.id = r.project_id JOIN municipality m ON m.code = r.municipality_code
                WHERE r.programme_id = :programme AND r.result_year = :year AND r.status IN ('APPROVED', 'PENDING')""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("programme", programme.id);
        params.put("year", year);
        ProgressService.appendPeriodDates(sql, params, programme, ProgressFilter.of(programme.id, ProgressFilter.WHOLE));
        sql.append(" ORDER BY p.name, p.id, r.result_date, r.id");
        var q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        Map<Long, ProjectSection> sections = new LinkedHashMap<>();
        Map<Long, Map<ResultFigure, BigDecimal>> sums = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            ProjectSection s = sections.computeIfAbsent(id, k -> new ProjectSection(k, (String) r[1],
                    new ArrayList<>(), null, null));
            BigDecimal amount = (BigDecimal) r[5];
            String kind = (String) r[4];
            String status = (String) r[7];
            s.lines().add(new Line(date(r[2]), (String) r[3], messages.get(locale, "report.kind." + kind), amount,
                    (String) r[6], messages.get(locale, "report.status." + status)));
            Map<ResultFigure, BigDecimal> sum = sums.computeIfAbsent(id, k -> new EnumMap<>(ResultFigure.class));
            ResultFigure.of(kind, status).ifPresent(f -> sum.merge(f, amount, BigDecimal::add));
        }
        List<ProjectSection> out = new ArrayList<>();
        for (ProjectSection s : sections.values()) {
            Map<ResultFigure, BigDecimal> sum = sums.get(s.id());
            out.add(new ProjectSection(s.id(), s.name(), s.lines(),
                    ProgressService.one(sum.getOrDefault(ResultFigure.COUNTED, BigDecimal.ZERO)),
                    ProgressService.one(sum.getOrDefault(ResultFigure.PENDING, BigDecimal.ZERO))));
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
