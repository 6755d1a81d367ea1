package no.hallingdal.jobbmal.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.VersionedCache;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.AnnualTarget;
import no.hallingdal.jobbmal.programme.FocusAreaTarget;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.result.ResultFigure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The single source of every progress figure (docs/dashboard.md). One SQL query groups
 * the results by year, month, municipality, focus area, kind and status; everything else is derived
 * from those few groups (at most a few thousand rows however many results there are), so the
 * dashboard, the API, the reports and the exports agree to the decimal.
 *
 * <p>Scope and goal: the programme's goal and period by default. With a year, the goal is that year's
 * annual target and the period that year (within the programme period). With a focus area that has a
 * target, the goal is that target. With a project, the goal is its expected new jobs and the period
 * its own dates. A municipality filter narrows the figures but keeps the programme's goal.
 *
 * <p>Figures are cached per scope, language and date for as long as the {@link DataVersion} they were
 * computed at is the current one: a page view costs one primary-key read until something is written.
 */
@ApplicationScoped
public class ProgressService {

    @Inject
    EntityManager em;

    @Inject
    Instance<Clock> clock;

    @Inject
    DataVersion dataVersion;

    /** What cached figures depend on besides the data; {@code today} is null for the project rows. */
    record Key(ProgressFilter filter, Locale locale, LocalDate today) {
    }

    /** Bounds per data version: a few hundred scopes are visited between two writes at most. */
    static final int CACHE_ENTRIES = 2000;

    private final VersionedCache<Key, Progress> progressCache = new VersionedCache<>(CACHE_ENTRIES);
    private final VersionedCache<Key, List<ProjectRow>> projectCache = new VersionedCache<>(CACHE_ENTRIES);

    public LocalDate today() {
        return clock.isResolvable() ? LocalDate.now(clock.get()) : LocalDate.now(Formats.ZONE);
    }

    /** One aggregated group of results. */
    record Group(int year, int month, String municipality, String focusArea, String kind, String status,
            BigDecimal amount, BigDecimal women, BigDecimal men) {
    }

    public Progress progress(ProgressFilter filter, Locale locale) {
        return progress(filter, locale, today());
    }

    public Progress progress(ProgressFilter filter, Locale locale, LocalDate today) {
        return progressCache.get(dataVersion.current(), new Key(filter, locale, today),
                () -> compute(filter, locale, today));
    }

    private Progress compute(ProgressFilter filter, Locale locale, LocalDate today) {
        Programme programme = Programme.get();
        Map<Integer, BigDecimal> annualTargets = new TreeMap<>();
        for (AnnualTarget t : AnnualTarget.listForProgramme()) {
            annualTargets.put(t.year, BigDecimal.valueOf(t.target));
        }
        Map<String, BigDecimal> focusTargets = new HashMap<>();
        for (FocusAreaTarget t : FocusAreaTarget.listForProgramme()) {
            focusTargets.put(t.focusAreaCode, BigDecimal.valueOf(t.target));
        }

        // Scope: goal, period and the targets the trajectory follows.
        BigDecimal goal = BigDecimal.valueOf(programme.goal);
        LocalDate start = programme.startDate;
        LocalDate end = programme.endDate;
        Map<Integer, BigDecimal> trajectoryTargets = annualTargets;
        if (filter.projectId() != null) {
            Project p = Project.findById(filter.projectId());
            goal = p == null ? BigDecimal.ZERO : p.expectedNewJobs;
            if (p != null) {
                start = p.startDate;
                end = p.endDate != null ? p.endDate : programme.endDate.isAfter(p.startDate) ? programme.endDate : p.startDate;
            }
            trajectoryTargets = null;
        } else if (filter.year() != null) {
            goal = annualTargets.getOrDefault(filter.year(), BigDecimal.ZERO);
            LocalDate yearStart = LocalDate.of(filter.year(), 1, 1);
            LocalDate yearEnd = LocalDate.of(filter.year(), 12, 31);
            start = yearStart.isBefore(programme.startDate) && !programme.startDate.isAfter(yearEnd) ? programme.startDate : yearStart;
            end = yearEnd.isAfter(programme.endDate) && !programme.endDate.isBefore(yearStart) ? programme.endDate : yearEnd;
            trajectoryTargets = Map.of(filter.year(), goal);
        } else if (filter.focusArea() != null && focusTargets.containsKey(filter.focusArea())) {
            goal = focusTargets.get(filter.focusArea());
            trajectoryTargets = null;
        }

        List<Group> groups = groups(filter);

        BigDecimal counted = BigDecimal.ZERO;
        BigDecimal pending = BigDecimal.ZERO;
        BigDecimal secured = BigDecimal.ZERO;
        BigDecimal companies = BigDecimal.ZERO;
        BigDecimal women = null;
        BigDecimal men = null;
        Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
        Map<String, BigDecimal[]> byMunicipality = new HashMap<>();
        Map<String, BigDecimal[]> byFocus = new HashMap<>();
        Map<YearMonth, BigDecimal[]> byMonth = new TreeMap<>();
        Map<String, BigDecimal> cross = new LinkedHashMap<>();
        for (Group g : groups) {
            ResultFigure figure = ResultFigure.of(g.kind(), g.status()).orElse(null);
            if (figure == null) {
                continue;
            }
            switch (figure) {
                case SECURED_JOBS -> secured = secured.add(g.amount());
                case NEW_COMPANIES -> companies = companies.add(g.amount());
                default -> {
                    // new jobs: counted (approved) or pending, both in the breakdowns
                    int idx = figure == ResultFigure.COUNTED ? 0 : 1;
                    if (figure == ResultFigure.COUNTED) {
                        counted = counted.add(g.amount());
                        if (g.women() != null) {
                            women = (women == null ? BigDecimal.ZERO : women).add(g.women());
                        }
                        if (g.men() != null) {
                            men = (men == null ? BigDecimal.ZERO : men).add(g.men());
                        }
                        cross.merge(g.municipality() + "|" + g.focusArea(), g.amount(), BigDecimal::add);
                    } else {
                        pending = pending.add(g.amount());
                    }
                    add(byYear, g.year(), idx, g.amount());
                    add(byMunicipality, g.municipality(), idx, g.amount());
                    add(byFocus, g.focusArea(), idx, g.amount());
                    add(byMonth, YearMonth.of(g.year(), g.month()), idx, g.amount());
                }
            }
        }

        ProgressCalculator.Figures f = ProgressCalculator.compute(goal, start, end, today, counted);

        // every year of the scope, and any year outside it that has results (dated before the start or
        // after the end), so the years always add up to the headline
        java.util.TreeSet<Integer> yearSet = new java.util.TreeSet<>(byYear.keySet());
        for (int y = start.getYear(); y <= end.getYear(); y++) {
            yearSet.add(y);
        }
        List<Progress.YearRow> years = new ArrayList<>();
        for (int y : yearSet) {
            if (filter.year() != null && filter.year() != y) {
                continue;
            }
            BigDecimal[] v = byYear.getOrDefault(y, zeros());
            years.add(new Progress.YearRow(y, annualTargets.get(y), one(v[0]), one(v[1])));
        }

        List<Progress.AreaRow> municipalities = new ArrayList<>();
        for (Municipality m : Municipality.listOrdered()) {
            if (filter.municipality() != null && !filter.municipality().equals(m.code)) {
                continue;
            }
            BigDecimal[] v = byMunicipality.getOrDefault(m.code, zeros());
            municipalities.add(new Progress.AreaRow(m.code, m.name, one(v[0]), one(v[1]), null));
        }
        List<Progress.AreaRow> focusAreas = new ArrayList<>();
        for (FocusArea a : FocusArea.listOrdered()) {
            if (filter.focusArea() != null && !filter.focusArea().equals(a.code)) {
                continue;
            }
            BigDecimal[] v = byFocus.getOrDefault(a.code, zeros());
            focusAreas.add(new Progress.AreaRow(a.code, a.name(locale), one(v[0]), one(v[1]), focusTargets.get(a.code)));
        }

        List<ProgressCalculator.MonthTarget> trajectory = trajectoryTargets != null
                ? ProgressCalculator.trajectory(start, end, trajectoryTargets)
                : evenTrajectory(start, end, goal);
        List<Progress.MonthRow> months = new ArrayList<>();
        BigDecimal cumCounted = BigDecimal.ZERO;
        BigDecimal cumPending = BigDecimal.ZERO;
        YearMonth first = YearMonth.from(start);
        // results dated before the scope's first month still count in the cumulative line
        for (var e : byMonth.entrySet()) {
            if (e.getKey().isBefore(first)) {
                cumCounted = cumCounted.add(e.getValue()[0]);
                cumPending = cumPending.add(e.getValue()[1]);
            }
        }
        YearMonth last = YearMonth.from(end);
        for (ProgressCalculator.MonthTarget t : trajectory) {
            BigDecimal[] v = byMonth.getOrDefault(t.month(), zeros());
            cumCounted = cumCounted.add(v[0]);
            cumPending = cumPending.add(v[1]);
            if (t.month().equals(last)) {
                // results dated after the scope's last month end up in its last point, like the headline
                for (var e : byMonth.entrySet()) {
                    if (e.getKey().isAfter(last)) {
                        cumCounted = cumCounted.add(e.getValue()[0]);
                        cumPending = cumPending.add(e.getValue()[1]);
                    }
                }
            }
            months.add(new Progress.MonthRow(t.month().toString(), one(cumCounted), one(cumPending), t.cumulativeTarget()));
        }

        List<Progress.CrossRow> crossRows = new ArrayList<>();
        for (var e : cross.entrySet()) {
            String[] k = e.getKey().split("\\|", 2);
            crossRows.add(new Progress.CrossRow(k[0], k[1], one(e.getValue())));
        }

        return new Progress(goal, start, end, today, one(counted), one(pending), one(secured), one(companies),
                f.percentOfGoal(), f.percentOfTime(), f.forecastAtEnd(), f.status().code, f.requiredPerMonth(),
                one(women), one(men), List.copyOf(years), List.copyOf(municipalities), List.copyOf(focusAreas),
                List.copyOf(months), List.copyOf(crossRows));
    }

    /** A project with its expected, counted and pending new jobs within the scope. */
    public record ProjectRow(long id, String name, String focusArea, String status, BigDecimal expected,
            BigDecimal counted, BigDecimal pending) {
    }

    /**
     * The projects of a scope with their counted and pending new jobs: projects in the municipality /
     * with the focus area as primary one, plus any project with new jobs in the scope.
     */
    public List<ProjectRow> projects(ProgressFilter filter, Locale locale) {
        return projectCache.get(dataVersion.current(), new Key(filter, locale, null),
                () -> List.copyOf(computeProjects(filter, locale)));
    }

    @SuppressWarnings("unchecked")
    private List<ProjectRow> computeProjects(ProgressFilter filter, Locale locale) {
        // Kind and status are picked here, not in a WHERE (see UNFILTERED).
        StringBuilder sql = new StringBuilder("SELECT r.project_id, r.kind, r.status, SUM(r.amount) FROM result r"
                + UNFILTERED);
        Map<String, Object> params = new LinkedHashMap<>();
        appendFilter(sql, params, filter);
        sql.append(" GROUP BY r.project_id, r.kind, r.status");
        Query q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            ResultFigure figure = ResultFigure.of((String) r[1], (String) r[2]).orElse(null);
            if (figure == ResultFigure.COUNTED || figure == ResultFigure.PENDING) {
                add(sums, ((Number) r[0]).longValue(), figure == ResultFigure.COUNTED ? 0 : 1, decimal(r[3]));
            }
        }
        StringBuilder jpql = new StringBuilder("select distinct p from Project p left join fetch p.focusArea "
                + "left join p.municipalities m where (p.id in :ids");
        Map<String, Object> jp = new HashMap<>();
        jp.put("ids", sums.isEmpty() ? List.of(-1L) : sums.keySet());
        if (filter.projectId() != null) {
            jpql.append(") and p.id = :pid");
            jp.put("pid", filter.projectId());
        } else {
            jpql.append(" or (1 = 1");
            if (filter.municipality() != null) {
                jpql.append(" and m.code = :m");
                jp.put("m", filter.municipality());
            }
            if (filter.focusArea() != null) {
                jpql.append(" and p.focusArea.code = :f");
                jp.put("f", filter.focusArea());
            }
            jpql.append("))");
        }
        jpql.append(" order by p.name");
        var query = em.createQuery(jpql.toString(), Project.class);
        jp.forEach(query::setParameter);
        List<ProjectRow> out = new ArrayList<>();
        for (Project p : query.getResultList()) {
            BigDecimal[] v = sums.getOrDefault(p.id, zeros());
            out.add(new ProjectRow(p.id, p.name, p.focusArea.name(locale), p.status.code(), one(p.expectedNewJobs),
                    one(v[0]), one(v[1])));
        }
        return out;
    }

    /**
     * No condition on kind or status in SQL: the queries group by both and pick the groups they need, as a
     * condition on status made H2 read every row through an index (docs/benchmarks.md, item 17). The
     * scope's filters stay in SQL, where they select a part of the table.
     */
    private static final String UNFILTERED = " WHERE 1 = 1";

    private static void appendFilter(StringBuilder sql, Map<String, Object> params, ProgressFilter filter) {
        if (filter.year() != null) {
            sql.append(" AND r.result_year = :year");
            params.put("year", filter.year());
        }
        if (filter.municipality() != null) {
            sql.append(" AND r.municipality_code = :municipality");
            params.put("municipality", filter.municipality());
        }
        if (filter.focusArea() != null) {
            sql.append(" AND r.focus_area_code = :focusArea");
            params.put("focusArea", filter.focusArea());
        }
        if (filter.projectId() != null) {
            sql.append(" AND r.project_id = :projectId");
            params.put("projectId", filter.projectId());
        }
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static <K> void add(Map<K, BigDecimal[]> map, K key, int idx, BigDecimal amount) {
        map.computeIfAbsent(key, k -> zeros())[idx] = map.get(key)[idx].add(amount);
    }

    /** A goal spread evenly over the months of a period (for scopes without annual targets). */
    static List<ProgressCalculator.MonthTarget> evenTrajectory(LocalDate start, LocalDate end, BigDecimal goal) {
        YearMonth first = YearMonth.from(start);
        YearMonth last = YearMonth.from(end);
        long n = ChronoUnit.MONTHS.between(first, last) + 1;
        List<ProgressCalculator.MonthTarget> out = new ArrayList<>();
        int i = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            i++;
            out.add(new ProgressCalculator.MonthTarget(m, goal.multiply(BigDecimal.valueOf(i))
                    .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP)));
        }
        return out;
    }

    /** The aggregation: approved and pending results grouped; portable SQL (H2 and PostgreSQL). */
    @SuppressWarnings("unchecked")
    List<Group> groups(ProgressFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT r.result_year, EXTRACT(MONTH FROM r.result_date), r.municipality_code, r.focus_area_code,
                       r.kind, r.status, SUM(r.amount), SUM(r.women), SUM(r.men)
                FROM result r""" + UNFILTERED);
        Map<String, Object> params = new LinkedHashMap<>();
        appendFilter(sql, params, filter);
        sql.append(" ").append("""
                 GROUP BY r.result_year, EXTRACT(MONTH FROM r.result_date), r.municipality_code,
                          r.focus_area_code, r.kind, r.status""");
        Query q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        List<Group> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            if (ResultFigure.of((String) r[4], (String) r[5]).isEmpty()) {
                continue; // returned and withdrawn results count nowhere
            }
            out.add(new Group(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], decimal(r[6]), decimal(r[7]), decimal(r[8])));
        }
        return out;
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    /** Amounts are returned with one decimal (their precision in the database): 12.0, 12.5. */
    static BigDecimal one(BigDecimal v) {
        return v == null ? null : v.setScale(1, RoundingMode.HALF_UP);
    }
}
