package no.hallingdal.jobbmal.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.CodedEnum;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.Period;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reading results: one result, the filtered and paged list, the approval queue and a project's results. */
@ApplicationScoped
public class ResultSearch {

    /** The project page lists this many of the project's newest results; the results list has them all. */
    public static final int PROJECT_PAGE_RESULTS = 100;

    @Inject
    EntityManager em;

    @Inject
    YearLocks yearLocks;

    @Inject
    ResultPolicy policy;

    /**
     * The results of one kind in a filtered set and the sum of their amounts: årsverk for new and secured
     * jobs, companies for new companies, so the list never adds one to the other.
     */
    public record KindTotal(ResultKind kind, long count, BigDecimal sumAmount) {
        /** Message key of the sum in words, e.g. "nye arbeidsplasser {0} årsverk". */
        @JsonIgnore
        public String sumKey() {
            return "result.list.kindSum." + kind.name();
        }
    }

    /** How many results a search has, their sum, and both per kind. */
    private record Totals(long count, BigDecimal sum, List<KindTotal> byKind) {
    }

    /**
     * One page of the results list, with the number and the sum of amounts of the whole filtered set, in all
     * ({@code sumAmount} adds årsverk and companies alike) and per kind ({@code byKind}, kinds without results
     * left out, in {@link ResultKind} order).
     */
    public record SearchResult(List<ResultView> items, long total, BigDecimal sumAmount, List<KindTotal> byKind,
            int page, int size) {
        /** Whether the amounts of the set share one unit (one kind), so a sum of the amount column means something. */
        public boolean oneKind() {
            return byKind.size() == 1;
        }

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return page < pages();
        }

        public boolean hasPrevious() {
            return page > 1;
        }
    }

    /** A project's results and its approved and pending new jobs against its own target. */
    public record ProjectResults(long projectId, BigDecimal expectedNewJobs, BigDecimal approvedNewJobs,
            BigDecimal pendingNewJobs, List<ResultView> results, long total) {
    }

    /** The result, or 404. */
    Result find(long id) {
        Result r = Result.findById(id);
        if (r == null) {
            throw new NotFoundException("result.notfound");
        }
        return r;
    }

    /** The result, or 404; 403 when the user may not read its programme. */
    Result findReadable(long id) {
        Result r = find(id);
        policy.requireRead(r.project.programme);
        return r;
    }

    public ResultView get(long id) {
        return view(findReadable(id));
    }

    /** The result as shown after a change: with the projects it is double counted with. */
    ResultView view(Result r) {
        List<String> others = doubleCountProjects(r);
        return view(r, !others.isEmpty(), others, yearLocks.isLocked(r.programmeId, r.resultYear));
    }

    /** How many of the programme's results await approval (from the figures' aggregate, {@link ResultSums}). */
    public long pendingCount(long programmeId) {
        Number n = (Number) em.createNativeQuery("SELECT COALESCE(SUM(result_count), 0) FROM result_sum"
                + " WHERE programme_id = ?1 AND status = 'PENDING'").setParameter(1, programmeId).getSingleResult();
        return n.longValue();
    }

    /**
     * A search's conditions twice: in JPQL over the results (the page) and in SQL over the figures' aggregate
     * ({@link ResultSums}: the totals), with their parameters.
     */
    private static final class Where {
        final StringBuilder jpql = new StringBuilder(" where r.programmeId = :programme");
        final StringBuilder sql = new StringBuilder(" WHERE s.programme_id = :programme");
        final Map<String, Object> jpqlParams = new HashMap<>();
        final Map<String, Object> sqlParams = new HashMap<>();

        Where(long programme) {
            jpqlParams.put("programme", programme);
            sqlParams.put("programme", programme);
        }

        /** A condition on both: field = value. */
        void equal(String field, String column, String name, Object value) {
            jpql.append(" and r.").append(field).append(" = :").append(name);
            sql.append(" AND s.").append(column).append(" = :").append(name);
            jpqlParams.put(name, value);
            sqlParams.put(name, value instanceof Enum<?> e ? e.name() : value);
        }

        void none() {
            jpql.append(" and 1 = 0");
            sql.append(" AND 1 = 0");
        }
    }

    /** A page of the programme's results matching the filter; 403 when the user may not read the programme. */
    public SearchResult search(Programme programme, ResultFilter f) {
        policy.requireRead(programme);
        Where w = new Where(programme.id);
        periodFilter(w, programme, f.period());
        if (f.project() != null) {
            w.equal("project.id", "project_id", "project", f.project());
        }
        String m = Inputs.text(f.municipality());
        if (m != null) {
            w.equal("municipality.code", "municipality_code", "municipality",
                    Municipality.findByAnyCode(m).map(x -> x.code).orElse("-"));
        }
        String fa = Inputs.text(f.focusArea());
        if (fa != null) {
            w.equal("focusArea.id", "focus_area_id", "focusArea",
                    FocusArea.findByCode(programme.id, fa).map(x -> x.id).orElse(-1L));
        }
        codeFilter(w, "kind", ResultKind.class, f.kind());
        codeFilter(w, "status", ResultStatus.class, f.status());
        if (f.year() != null) {
            w.equal("resultYear", "result_year", "year", f.year());
        }
        Totals t = totals(w);
        String order = switch (f.sortOrDefault()) {
            case "date-asc" -> " order by r.date asc, r.id asc";
            case "amount-desc" -> " order by r.amount desc, r.id desc";
            case "amount-asc" -> " order by r.amount asc, r.id asc";
            default -> " order by r.date desc, r.id desc";
        };
        int size = f.size();
        int page = Math.max(1, f.page());
        List<Result> rows = rows(w.jpql + order, w.jpqlParams, (page - 1) * size, size);
        return new SearchResult(views(rows), t.count(), t.sum(), t.byKind(), page, size);
    }

    /** The number and sums of the filtered set per kind, from the figures' aggregate ({@link ResultSums}). */
    @SuppressWarnings("unchecked")
    private Totals totals(Where w) {
        var q = em.createNativeQuery("SELECT s.kind, SUM(s.result_count), SUM(s.amount) FROM result_sum s" + w.sql
                + " GROUP BY s.kind HAVING SUM(s.result_count) > 0");
        w.sqlParams.forEach(q::setParameter);
        Map<ResultKind, KindTotal> kinds = new EnumMap<>(ResultKind.class);
        for (Object[] row : (List<Object[]>) q.getResultList()) {
            ResultKind kind = ResultKind.valueOf((String) row[0]);
            BigDecimal sum = row[2] instanceof BigDecimal b ? b : new BigDecimal(row[2].toString());
            kinds.put(kind, new KindTotal(kind, ((Number) row[1]).longValue(), sum));
        }
        long count = kinds.values().stream().mapToLong(KindTotal::count).sum();
        BigDecimal sum = kinds.values().stream().map(KindTotal::sumAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Totals(count, sum, List.copyOf(kinds.values()));
    }

    /**
     * Results dated in the period with this index (from 1), or outside every period ({@link ResultFilter#OUTSIDE});
     * all of them when null. An index without a period matches nothing. By date over the results, by period over
     * the aggregate.
     */
    private static void periodFilter(Where w, Programme programme, String period) {
        if (period == null || ResultFilter.ALL.equals(period)) {
            return;
        }
        if (ResultFilter.OUTSIDE.equals(period)) {
            for (int i = 0; i < programme.periods.size(); i++) {
                w.jpql.append(" and r.date not between :os").append(i).append(" and :oe").append(i);
                w.jpqlParams.put("os" + i, programme.periods.get(i).startDate);
                w.jpqlParams.put("oe" + i, programme.periods.get(i).endDate);
            }
            w.sql.append(" AND s.period_id = 0");
            return;
        }
        Optional<Period> p;
        try {
            p = programme.period(Integer.parseInt(period));
        } catch (NumberFormatException e) {
            p = Optional.empty();
        }
        if (p.isEmpty()) {
            w.none();
            return;
        }
        w.jpql.append(" and r.date between :periodStart and :periodEnd");
        w.jpqlParams.put("periodStart", p.get().startDate);
        w.jpqlParams.put("periodEnd", p.get().endDate);
        w.sql.append(" AND s.period_id = :periodId");
        w.sqlParams.put("periodId", p.get().id);
    }

    /** Filters on an enum field by its code; an unknown code matches nothing. */
    private static <E extends Enum<E> & CodedEnum> void codeFilter(Where w, String field, Class<E> type, String raw) {
        String code = Inputs.text(raw);
        if (code == null) {
            return;
        }
        var value = CodedEnum.fromCode(type, code);
        if (value.isPresent()) {
            w.equal(field, field, field, value.get());
        } else {
            w.none();
        }
    }

    /** The programme's pending results, oldest first, for the approvals page. */
    public List<ResultView> pending(Programme programme, int limit) {
        return views(rows(" where r.programmeId = :programme and r.status = :status"
                + " order by r.registeredAt asc, r.id asc",
                Map.of("programme", programme.id, "status", ResultStatus.PENDING), 0, limit));
    }

    /**
     * A page of results with everything they show: first the page's ids, in order from the index on the sort
     * column and id, then those rows (sorting the joined rows made the database sort every match).
     *
     * @param whereAndOrder JPQL from {@code where} on, over {@code Result r}
     */
    private List<Result> rows(String whereAndOrder, Map<String, Object> params, int first, int max) {
        var idQuery = em.createQuery("select r.id from Result r" + whereAndOrder, Long.class);
        params.forEach(idQuery::setParameter);
        List<Long> ids = idQuery.setFirstResult(first).setMaxResults(max).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Result> byId = new HashMap<>();
        em.createQuery("select r from Result r join fetch r.project join fetch r.municipality"
                + " join fetch r.focusArea join fetch r.registeredBy left join fetch r.approvedBy"
                + " where r.id in :ids", Result.class).setParameter("ids", ids).getResultList()
                .forEach(r -> byId.put(r.id, r));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** For the project page: the project's newest results and its approved vs pending new jobs. */
    public ProjectResults projectResults(long projectId) {
        Project p = Project.findById(projectId);
        if (p == null) {
            throw new NotFoundException("result.project.notfound");
        }
        policy.requireRead(p.programme);
        Map<ResultFigure, BigDecimal> sums = new EnumMap<>(ResultFigure.class);
        for (Object[] row : em.createQuery("select r.kind, r.status, sum(r.amount) from Result r"
                + " where r.project.id = :project group by r.kind, r.status", Object[].class)
                .setParameter("project", projectId).getResultList()) {
            ResultFigure.of((ResultKind) row[0], (ResultStatus) row[1])
                    .ifPresent(f -> sums.merge(f, (BigDecimal) row[2], BigDecimal::add));
        }
        List<Result> rows = rows(" where r.project.id = :project order by r.date desc, r.id desc",
                Map.of("project", projectId), 0, PROJECT_PAGE_RESULTS);
        long total = em.createQuery("select count(r) from Result r where r.project.id = :project", Long.class)
                .setParameter("project", projectId).getSingleResult();
        return new ProjectResults(projectId, p.expectedNewJobs, sums.getOrDefault(ResultFigure.COUNTED, BigDecimal.ZERO),
                sums.getOrDefault(ResultFigure.PENDING, BigDecimal.ZERO), views(rows), total);
    }

    private List<ResultView> views(List<Result> rows) {
        Set<Long> doubles = doubleCountedIds(rows.stream().map(r -> r.id).toList());
        Map<Long, Set<Integer>> locked = new HashMap<>();
        List<ResultView> out = new ArrayList<>(rows.size());
        for (Result r : rows) {
            boolean yearLocked = locked.computeIfAbsent(r.programmeId, yearLocks::lockedYears).contains(r.resultYear);
            out.add(view(r, doubles.contains(r.id), List.of(), yearLocked));
        }
        return out;
    }

    /** The ids among {@code ids} that are double counted (one query, {@link DoubleCount#SQL}). */
    @SuppressWarnings("unchecked")
    Set<Long> doubleCountedIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Number> found = em.createNativeQuery("SELECT r.id FROM result r WHERE r.id IN (:ids) AND "
                + DoubleCount.SQL).setParameter("ids", ids).getResultList();
        Set<Long> out = new HashSet<>();
        found.forEach(n -> out.add(n.longValue()));
        return out;
    }

    /** Names of the other projects that have new jobs for the same org. number and year. */
    List<String> doubleCountProjects(Result r) {
        if (!DoubleCount.takesPart(r.kind, r.status, r.orgNumber)) {
            return List.of();
        }
        return doubleCountProjects(r.programmeId, r.orgNumber, r.resultYear, r.project.id);
    }

    /**
     * Names of other projects with new jobs (not withdrawn) for this org. number (9 digits) in this year, for
     * a result not saved yet (the import's report).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> doubleCountProjects(long programmeId, String orgNumber, int year, long projectId) {
        return em.createNativeQuery(DoubleCount.OTHER_PROJECTS_SQL).setParameter(1, orgNumber).setParameter(2, year)
                .setParameter(3, projectId).setParameter(4, programmeId).getResultList();
    }

    static ResultView view(Result r, boolean doubleCount, List<String> names, boolean yearLocked) {
        return new ResultView(r.id, r.programmeId, r.project.id, r.project.name, r.municipality.code, r.municipality.name,
                r.focusArea.code, r.focusArea.nameNb, r.focusArea.nameEn, r.date, r.kind, r.amount, r.women, r.men,
                r.companyName, r.orgNumber, r.evidence, r.status, r.statusReason, r.version, List.of(),
                r.registeredBy.displayName, r.registeredAt, r.approvedBy == null ? null : r.approvedBy.displayName,
                r.approvedAt, r.updatedBy == null ? null : r.updatedBy.displayName, r.updatedAt, doubleCount, names,
                yearLocked);
    }
}
