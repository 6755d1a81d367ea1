package no.hallingdal.jobbmal.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.common.VersionedCache;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.result.ResultFigure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The single source of every progress figure (docs/dashboard.md). One SQL query groups a programme's results by
 * the period their date falls in, year, month, municipality, focus area, kind and status; everything else is
 * derived from those few groups, so the dashboard, the API, the reports, the county overview and the exports
 * agree to the decimal. What a scope's goal, dates and targets are is {@link ProgressScope}'s; the figures built
 * from the groups are {@link ProgressFigures}'.
 *
 * <p>Figures are cached per scope, language and date for as long as the {@link DataVersion} they were computed at
 * is the current one.
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

    /**
     * One aggregated group of results: {@code period} is the index (from 1) of the period its date falls in, or
     * 0 outside every period.
     */
    record Group(int period, int year, int month, String municipality, String focusArea, String kind, String status,
            BigDecimal amount, BigDecimal women, BigDecimal men) {

        ResultFigure figure() {
            return ResultFigure.of(kind, status).orElse(null);
        }
    }

    public Progress progress(ProgressFilter filter, Locale locale) {
        return progress(filter, locale, today());
    }

    public Progress progress(ProgressFilter filter, Locale locale, LocalDate today) {
        return progressCache.get(dataVersion.current(), new Key(filter, locale, today),
                () -> compute(filter, locale, today));
    }

    private Progress compute(ProgressFilter filter, Locale locale, LocalDate today) {
        Programme programme = programme(filter.programmeId());
        Project project = filter.projectId() == null ? null : Project.findById(filter.projectId());
        ProgressScope scope = ProgressScope.of(programme, filter, project);
        List<FocusArea> focusAreas = FocusArea.listFor(programme.id);
        return new ProgressFigures(scope, filter, groups(programme, filter, focusAreas), focusAreas, locale, today)
                .progress();
    }

    private static Programme programme(long id) {
        Programme p = Programme.findById(id);
        if (p == null) {
            throw new NotFoundException("programme.notfound");
        }
        return p;
    }

    /** A project with its expected, counted and pending new jobs within the scope. */
    public record ProjectRow(long id, String name, String focusArea, String status, BigDecimal expected,
            BigDecimal counted, BigDecimal pending) {

        /** Måloppnåelse: counted as a percentage of the expected new jobs; null when none are expected. */
        public BigDecimal percentOfExpected() {
            return expected.signum() == 0 ? null : ProgressCalculator.percentOf(counted, expected);
        }
    }

    /**
     * The projects of a scope with their counted and pending new jobs: the programme's projects in the
     * municipality / with the focus area as primary one, plus any project with new jobs in the scope.
     */
    public List<ProjectRow> projects(ProgressFilter filter, Locale locale) {
        return projectCache.get(dataVersion.current(), new Key(filter, locale, null),
                () -> List.copyOf(computeProjects(filter, locale)));
    }

    @SuppressWarnings("unchecked")
    private List<ProjectRow> computeProjects(ProgressFilter filter, Locale locale) {
        Programme programme = programme(filter.programmeId());
        StringBuilder sql = new StringBuilder("SELECT r.project_id, r.kind, r.status, SUM(r.amount) FROM result_sum r");
        Map<String, Object> params = new LinkedHashMap<>();
        appendFilter(sql, params, programme, filter);
        appendPeriods(sql, params, programme, filter);
        sql.append(" GROUP BY r.project_id, r.kind, r.status");
        Query q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            ResultFigure figure = ResultFigure.of((String) r[1], (String) r[2]).orElse(null);
            if (figure == ResultFigure.COUNTED || figure == ResultFigure.PENDING) {
                sums.computeIfAbsent(((Number) r[0]).longValue(), k -> zeros())[figure == ResultFigure.COUNTED ? 0 : 1]
                        = sums.get(((Number) r[0]).longValue())[figure == ResultFigure.COUNTED ? 0 : 1].add(decimal(r[3]));
            }
        }
        StringBuilder jpql = new StringBuilder("select distinct p from Project p left join fetch p.focusArea "
                + "left join p.municipalities m where p.programme.id = :programme and (p.id in :ids");
        Map<String, Object> jp = new HashMap<>();
        jp.put("programme", programme.id);
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
     * The scope's conditions: the programme and the filters. No condition on kind or status: the queries group by
     * both and pick the groups they need, as a condition on status made H2 read every row through an index
     * (docs/benchmarks.md, item 17).
     */
    private static void appendFilter(StringBuilder sql, Map<String, Object> params, Programme programme,
            ProgressFilter filter) {
        sql.append(" WHERE r.programme_id = :programme");
        params.put("programme", programme.id);
        if (filter.year() != null) {
            sql.append(" AND r.result_year = :year");
            params.put("year", filter.year());
        }
        if (filter.municipality() != null) {
            sql.append(" AND r.municipality_code = :municipality");
            params.put("municipality", filter.municipality());
        }
        if (filter.focusArea() != null) {
            sql.append(" AND r.focus_area_id = :focusArea");
            params.put("focusArea", FocusArea.findByCode(programme.id, filter.focusArea()).map(f -> f.id).orElse(-1L));
        }
        if (filter.projectId() != null) {
            sql.append(" AND r.project_id = :projectId");
            params.put("projectId", filter.projectId());
        }
    }

    /** Results dated in the chosen period, or for the whole programme in any of its periods. */
    static void appendPeriodDates(StringBuilder sql, Map<String, Object> params, Programme programme,
            ProgressFilter filter) {
        List<no.hallingdal.jobbmal.programme.Period> periods = filter.whole() ? programme.periods
                : programme.period(filter.period()).map(List::of).orElse(List.of());
        if (periods.isEmpty()) {
            sql.append(" AND 1 = 0");
            return;
        }
        sql.append(" AND (");
        for (int i = 0; i < periods.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("r.result_date BETWEEN :ps").append(i).append(" AND :pe").append(i);
            params.put("ps" + i, periods.get(i).startDate);
            params.put("pe" + i, periods.get(i).endDate);
        }
        sql.append(")");
    }

    /** Aggregate rows ({@code result_sum}) of the chosen period, or for the whole programme of any of its periods. */
    static void appendPeriods(StringBuilder sql, Map<String, Object> params, Programme programme,
            ProgressFilter filter) {
        if (filter.whole()) {
            sql.append(" AND r.period_id <> 0");
            return;
        }
        sql.append(" AND r.period_id = :period");
        params.put("period", programme.period(filter.period()).map(p -> p.id).orElse(-1L));
    }

    /**
     * The aggregation from the figures' aggregate ({@code result_sum}, result.ResultSums), with the index of the
     * period each group's dates fall in (0 outside every period). All the programme's rows are read, so a period's
     * view can show the results outside every period.
     */
    @SuppressWarnings("unchecked")
    List<Group> groups(Programme programme, ProgressFilter filter, List<FocusArea> focusAreas) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT r.period_id, r.result_year, r.result_month, r.municipality_code,"
                + " r.focus_area_id, r.kind, r.status, SUM(r.amount), SUM(r.women), SUM(r.women_count), SUM(r.men),"
                + " SUM(r.men_count) FROM result_sum r");
        appendFilter(sql, params, programme, filter);
        sql.append(" GROUP BY r.period_id, r.result_year, r.result_month, r.municipality_code, r.focus_area_id, r.kind,"
                + " r.status HAVING SUM(r.result_count) > 0");
        Query q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        Map<Long, String> codes = new HashMap<>();
        focusAreas.forEach(f -> codes.put(f.id, f.code));
        Map<Long, Integer> periods = new HashMap<>();
        programme.periods.forEach(p -> periods.put(p.id, programme.indexOf(p)));
        List<Object[]> rows = q.getResultList();
        List<Group> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            if (ResultFigure.of((String) r[5], (String) r[6]).isEmpty()) {
                continue; // returned and withdrawn results count nowhere
            }
            // women and men stay unknown (null) when none of the group's results gave the split
            out.add(new Group(periods.getOrDefault(((Number) r[0]).longValue(), 0), ((Number) r[1]).intValue(),
                    ((Number) r[2]).intValue(), (String) r[3], codes.get(((Number) r[4]).longValue()), (String) r[5],
                    (String) r[6], decimal(r[7]), ((Number) r[9]).longValue() == 0 ? null : decimal(r[8]),
                    ((Number) r[11]).longValue() == 0 ? null : decimal(r[10])));
        }
        return out;
    }

    static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    /** Amounts are returned with one decimal (their precision in the database): 12.0, 12.5. */
    public static BigDecimal one(BigDecimal v) {
        return v == null ? null : v.setScale(1, RoundingMode.HALF_UP);
    }
}
