package no.hallingdal.jobbmal.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.VersionedCache;
import no.hallingdal.jobbmal.common.CodedEnum;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.ForbiddenException;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.history.ChangeEvent;
import no.hallingdal.jobbmal.history.ChangeLog;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every rule about results (domain.md, Results), shared by the pages and the JSON API: registering,
 * editing, approving, returning, withdrawing, year locks, double counting, lists and history. Each write
 * checks permission first, then state, then input; a refused request changes nothing.
 */
@ApplicationScoped
public class ResultService {

    public static final String ENTITY = "result";
    public static final String YEAR_LOCK_ENTITY = "year_lock";
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("500");
    public static final int EVIDENCE_MAX = 4000;
    public static final int COMPANY_NAME_MAX = 200;
    public static final int REASON_MAX = 2000;

    @Inject
    CurrentUser currentUser;

    @Inject
    ChangeLog changeLog;

    @Inject
    DataVersion dataVersion;

    /** How many results a search (or the approval queue) has, their sum, and both per kind. */
    private record Totals(long count, BigDecimal sum, List<KindTotal> byKind) {
    }

    /**
     * The results of one kind in a filtered set and the sum of their amounts: årsverk for new and secured
     * jobs, companies for new companies, so the list never adds one to the other.
     */
    public record KindTotal(ResultKind kind, long count, BigDecimal sumAmount) {
        /** Message key of the sum in words, e.g. "nye arbeidsplasser {0} årsverk". */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String sumKey() {
            return "result.list.kindSum." + kind.name();
        }
    }

    /**
     * Counting and summing a filter reads every matching row; the answer is cached per data version
     * (see {@link DataVersion}), keyed by the query and its parameters, so paging costs only the page.
     */
    private final VersionedCache<String, Totals> totals = new VersionedCache<>(2000);

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /** The result of a save: the result and the projects it is double counted with (for the warning). */
    public record Saved(ResultView result, List<String> doubleCountProjects) {
    }

    /** A project's results and its approved and pending new jobs against its own target. */
    public record ProjectResults(long projectId, BigDecimal expectedNewJobs, BigDecimal approvedNewJobs,
            BigDecimal pendingNewJobs, List<ResultView> results, long total) {
    }

    /** The project page lists this many of the project's newest results; the results list has them all. */
    public static final int PROJECT_PAGE_RESULTS = 100;

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

    public record FieldChange(String field, String oldValue, String newValue) {
        /** Message key for a coded old value (status, kind), so the page shows it in words; else null. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String getOldKey() {
            return key(oldValue);
        }

        @com.fasterxml.jackson.annotation.JsonIgnore
        public String getNewKey() {
            return key(newValue);
        }

        private String key(String value) {
            if (value == null) {
                return null;
            }
            return switch (field) {
                case "status" -> "result.status." + value;
                case "kind" -> "result.kind." + value;
                default -> null;
            };
        }
    }

    public record HistoryEntry(String action, String changedBy, Instant changedAt, String reason,
            List<FieldChange> fields, String source) {
        public String actionKey() {
            return "result.action." + action;
        }

        public String fieldKey(FieldChange f) {
            return "result.field." + f.field();
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------ reading

    public Result find(long id) {
        Result r = Result.findById(id);
        if (r == null) {
            throw new NotFoundException("result.notfound");
        }
        return r;
    }

    public ResultView get(long id) {
        Result r = find(id);
        return view(r, doubleCountProjects(r), YearLock.isLocked(r.resultYear));
    }

    public long pendingCount() {
        return totals.get(dataVersion.current(), "pending",
                () -> new Totals(Result.count("status", ResultStatus.PENDING), BigDecimal.ZERO, List.of())).count();
    }

    /** The projects the current user may register results for: all for an admin, their own for a lead. */
    public List<Project> registrableProjects() {
        User user = currentUser.require();
        if (user.hasRole(Role.ADMIN)) {
            return Project.list("order by name");
        }
        if (user.hasRole(Role.LEAD)) {
            return Project.list("select p from Project p join p.leads l where l.id = ?1 order by p.name", user.id);
        }
        return List.of();
    }

    public boolean canRegister() {
        return currentUser.isAdmin() || currentUser.isLead();
    }

    /** Whether the current user may edit this result now (the page shows the edit button only then). */
    public boolean canEdit(ResultView r) {
        if (r.status() == ResultStatus.WITHDRAWN) {
            return false;
        }
        if (currentUser.isAdmin()) {
            return true;
        }
        return currentUser.isLead() && leads(r.projectId())
                && (r.status() == ResultStatus.PENDING || r.status() == ResultStatus.RETURNED);
    }

    public boolean canWithdraw(ResultView r) {
        return canEdit(r);
    }

    private boolean leads(long projectId) {
        Long uid = currentUser.id();
        return uid != null && Project.count("select count(p) from Project p join p.leads l where p.id = ?1 and l.id = ?2",
                projectId, uid) > 0;
    }

    public SearchResult search(ResultFilter f) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.project() != null) {
            where.append(" and r.project.id = :project");
            params.put("project", f.project());
        }
        String m = Inputs.text(f.municipality());
        if (m != null) {
            String code = Municipality.findByAnyCode(m).map(x -> x.code).orElse("-");
            where.append(" and r.municipality.code = :municipality");
            params.put("municipality", code);
        }
        String fa = Inputs.text(f.focusArea());
        if (fa != null) {
            where.append(" and r.focusArea.code = :focusArea");
            params.put("focusArea", fa);
        }
        codeFilter(where, params, "kind", ResultKind.class, f.kind());
        codeFilter(where, params, "status", ResultStatus.class, f.status());
        if (f.year() != null) {
            where.append(" and r.resultYear = :year");
            params.put("year", f.year());
        }
        Totals t = totals.get(dataVersion.current(), where + " " + new TreeMap<>(params), () -> {
            var q = em.createQuery("select r.kind, count(r), coalesce(sum(r.amount), 0) from Result r" + where
                    + " group by r.kind", Object[].class);
            params.forEach(q::setParameter);
            Map<ResultKind, KindTotal> kinds = new java.util.EnumMap<>(ResultKind.class);
            for (Object[] row : q.getResultList()) {
                ResultKind kind = (ResultKind) row[0];
                kinds.put(kind, new KindTotal(kind, ((Number) row[1]).longValue(), (BigDecimal) row[2]));
            }
            long count = kinds.values().stream().mapToLong(KindTotal::count).sum();
            BigDecimal sum = kinds.values().stream().map(KindTotal::sumAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Totals(count, sum, List.copyOf(kinds.values()));
        });
        long total = t.count();
        BigDecimal sum = t.sum();
        String order = switch (f.sortOrDefault()) {
            case "date-asc" -> " order by r.date asc, r.id asc";
            case "amount-desc" -> " order by r.amount desc, r.id desc";
            case "amount-asc" -> " order by r.amount asc, r.id asc";
            default -> " order by r.date desc, r.id desc";
        };
        int size = f.size();
        int page = Math.max(1, f.page());
        List<Result> rows = rows(where + order, params, (page - 1) * size, size);
        return new SearchResult(views(rows), total, sum, t.byKind(), page, size);
    }

    /** Filters on an enum field by its code; an unknown code matches nothing. */
    private static <E extends Enum<E> & CodedEnum> void codeFilter(StringBuilder where, Map<String, Object> params,
            String field, Class<E> type, String raw) {
        String code = Inputs.text(raw);
        if (code == null) {
            return;
        }
        var value = CodedEnum.fromCode(type, code);
        if (value.isPresent()) {
            where.append(" and r.").append(field).append(" = :").append(field);
            params.put(field, value.get());
        } else {
            where.append(" and 1 = 0");
        }
    }

    /** Pending results, oldest first, for the approvals page. */
    public List<ResultView> pending(int limit) {
        return views(rows(" where r.status = :status order by r.registeredAt asc, r.id asc",
                Map.of("status", ResultStatus.PENDING), 0, limit));
    }

    /**
     * A page of results with everything they show: first the page's ids, read in order (from the index on
     * the sort column and id when there is one), then those rows. Sorting the joined rows instead made the
     * database sort every matching row on each request; with 100 000 results and 16 parallel requests H2
     * ran out of memory.
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
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** For the project page: the project's results and its approved vs pending new jobs (sums in SQL). */
    public ProjectResults projectResults(long projectId) {
        Project p = Project.findById(projectId);
        if (p == null) {
            throw new NotFoundException("result.project.notfound");
        }
        Object[] sums = em.createQuery("select"
                + " coalesce(sum(case when r.status = :approved then r.amount else 0 end), 0),"
                + " coalesce(sum(case when r.status = :pending then r.amount else 0 end), 0)"
                + " from Result r where r.project.id = :project and r.kind = :kind", Object[].class)
                .setParameter("approved", ResultStatus.APPROVED).setParameter("pending", ResultStatus.PENDING)
                .setParameter("project", projectId).setParameter("kind", ResultKind.NEW_JOBS).getSingleResult();
        List<Result> rows = rows(" where r.project.id = :project order by r.date desc, r.id desc",
                Map.of("project", projectId), 0, PROJECT_PAGE_RESULTS);
        long total = em.createQuery("select count(r) from Result r where r.project.id = :project", Long.class)
                .setParameter("project", projectId).getSingleResult();
        return new ProjectResults(projectId, p.expectedNewJobs, (BigDecimal) sums[0], (BigDecimal) sums[1],
                views(rows), total);
    }

    private List<ResultView> views(List<Result> rows) {
        Set<Long> doubles = doubleCountedIds(rows.stream().map(r -> r.id).toList());
        Set<Integer> locked = YearLock.lockedYears();
        List<ResultView> out = new ArrayList<>(rows.size());
        for (Result r : rows) {
            out.add(view(r, doubles.contains(r.id), List.of(), locked.contains(r.resultYear)));
        }
        return out;
    }

    /** The ids among {@code ids} that are double counted (one query, {@link DoubleCount#SQL}). */
    @SuppressWarnings("unchecked")
    public Set<Long> doubleCountedIds(List<Long> ids) {
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
    public List<String> doubleCountProjects(Result r) {
        if (!DoubleCount.takesPart(r.kind, r.status, r.orgNumber)) {
            return List.of();
        }
        return doubleCountProjects(r.orgNumber, r.resultYear, r.project.id);
    }

    /**
     * Names of other projects with new jobs (not withdrawn) for this org. number (9 digits) in this year, for
     * a result not saved yet (the import's report).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> doubleCountProjects(String orgNumber, int year, long projectId) {
        return em.createNativeQuery(DoubleCount.OTHER_PROJECTS_SQL).setParameter(1, orgNumber).setParameter(2, year)
                .setParameter(3, projectId).getResultList();
    }

    @Transactional
    public List<HistoryEntry> history(long id) {
        find(id);
        return historyOf(ENTITY, id);
    }

    @Transactional
    public List<HistoryEntry> historyOf(String type, long id) {
        List<HistoryEntry> out = new ArrayList<>();
        for (ChangeEvent e : ChangeEvent.forEntity(type, id)) {
            out.add(new HistoryEntry(e.action, e.changedByName, e.changedAt, e.reason,
                    e.fields.stream().map(f -> new FieldChange(f.fieldName, f.oldValue, f.newValue)).toList(),
                    e.source));
        }
        return out;
    }

    // ------------------------------------------------------------------ writing

    private User requireWriter() {
        User user = currentUser.require();
        if (!user.hasRole(Role.ADMIN) && !user.hasRole(Role.LEAD)) {
            throw new ForbiddenException();
        }
        return user;
    }

    /** What {@link #validate} resolved from the input. */
    private record Resolved(Project project, Municipality municipality, FocusArea focusArea, ResultKind kind,
            String orgNumber) {
    }

    @Transactional
    public Saved create(ResultInput in) {
        return create(in, null);
    }

    /**
     * Checks a registration by every rule of {@link #create} without saving anything, for the import's
     * dry run: the field errors, or an empty list. A project the user may not use is an error on
     * {@code projectId} here (the form and the API answer 403).
     */
    @Transactional
    public List<no.hallingdal.jobbmal.common.FieldError> check(ResultInput in) {
        User user = requireWriter();
        Errors errors = new Errors();
        try {
            validate(in, user, errors);
        } catch (ForbiddenException e) {
            errors.add("projectId", "result.import.notYourProject", in.projectId());
            return errors.list();
        }
        String reason = Inputs.text(in.reason());
        if (in.date() != null && !errors.has("date")) {
            checkYearLock(Set.of(in.date().getYear()), user, reason, errors);
        }
        return errors.list();
    }

    /** Registers a result; {@code source} says where it came from when not a form or the API (an import). */
    @Transactional
    public Saved create(ResultInput in, String source) {
        User user = requireWriter();
        Errors errors = new Errors();
        Resolved v = validate(in, user, errors);
        String reason = Inputs.text(in.reason());
        if (in.date() != null && !errors.has("date")) {
            checkYearLock(Set.of(in.date().getYear()), user, reason, errors);
        }
        errors.throwIfAny();
        Instant now = Instant.now(clock);
        Result r = new Result();
        apply(r, in, v);
        r.status = ResultStatus.PENDING;
        r.registeredBy = user;
        r.registeredAt = now;
        r.updatedBy = user;
        r.updatedAt = now;
        r.persist();
        r.flush();
        changeLog.record(ENTITY, r.id, "created", reason, source, diff(Map.of(), snapshot(r)), user);
        dataVersion.bump();
        return saved(r);
    }

    @Transactional
    public Saved update(long id, ResultInput in) {
        User user = requireWriter();
        Result r = find(id);
        boolean admin = user.hasRole(Role.ADMIN);
        requireChangeable(r, user, admin, "result.conflict.approvedAdminOnly");
        if (in.version() == null) {
            throw ValidationException.of("version", "error.required");
        }
        requireVersion(r, in.version());
        Errors errors = new Errors();
        Resolved v = validate(in, user, errors);
        String reason = Inputs.text(in.reason());
        if (admin && r.status == ResultStatus.APPROVED && reason == null && !errors.has("reason")) {
            errors.add("reason", "result.error.reason.approved");
        }
        Set<Integer> years = new TreeSet<>();
        years.add(r.resultYear);
        if (in.date() != null) {
            years.add(in.date().getYear());
        }
        checkYearLock(years, user, reason, errors);
        errors.throwIfAny();
        Map<String, Object> before = snapshot(r);
        apply(r, in, v);
        String action = "updated";
        if (r.status == ResultStatus.RETURNED) {
            r.status = ResultStatus.PENDING;
            r.statusReason = null;
            action = "resubmitted";
        }
        ChangeLog.Diff diff = diff(before, snapshot(r));
        if (diff.isEmpty()) {
            return saved(r);
        }
        r.updatedBy = user;
        r.updatedAt = Instant.now(clock);
        r.flush();
        changeLog.record(ENTITY, r.id, action, reason, null, diff, user);
        dataVersion.bump();
        return saved(r);
    }

    /**
     * Approves a pending result. {@code version} is the version the admin saw (the forms always send it; in
     * the API it is optional): if the result changed since, nothing happens and the answer is 409, so nobody
     * approves figures they have not seen.
     */
    @Transactional
    public ResultView approve(long id, String reasonText, Long version) {
        User user = requireAdmin();
        Result r = find(id);
        requireVersion(r, version);
        if (r.status != ResultStatus.PENDING) {
            throw new ConflictException("result.conflict.approve");
        }
        String reason = Inputs.text(reasonText);
        Errors errors = new Errors();
        checkReasonLength(reason, errors);
        checkYearLock(Set.of(r.resultYear), user, reason, errors);
        errors.throwIfAny();
        Instant now = Instant.now(clock);
        Map<String, Object> before = snapshot(r);
        r.status = ResultStatus.APPROVED;
        r.statusReason = null;
        r.approvedBy = user;
        r.approvedAt = now;
        return changeStatus(r, before, "approved", reason, user, now);
    }

    /** Returns a pending result to its lead; {@code version} as for {@link #approve}. */
    @Transactional
    public ResultView returnResult(long id, String reasonText, Long version) {
        User user = requireAdmin();
        Result r = find(id);
        requireVersion(r, version);
        if (r.status != ResultStatus.PENDING) {
            throw new ConflictException("result.conflict.return");
        }
        String reason = requireReason(reasonText);
        Errors errors = new Errors();
        checkYearLock(Set.of(r.resultYear), user, reason, errors);
        errors.throwIfAny();
        Map<String, Object> before = snapshot(r);
        r.status = ResultStatus.RETURNED;
        r.statusReason = reason;
        return changeStatus(r, before, "returned", reason, user, Instant.now(clock));
    }

    /** Withdraws a result; {@code version} as for {@link #approve}. */
    @Transactional
    public ResultView withdraw(long id, String reasonText, Long version) {
        User user = requireWriter();
        Result r = find(id);
        boolean admin = user.hasRole(Role.ADMIN);
        requireChangeable(r, user, admin, "result.conflict.withdrawApproved");
        requireVersion(r, version);
        String reason = requireReason(reasonText);
        Errors errors = new Errors();
        checkYearLock(Set.of(r.resultYear), user, reason, errors);
        errors.throwIfAny();
        Map<String, Object> before = snapshot(r);
        r.status = ResultStatus.WITHDRAWN;
        r.statusReason = reason;
        return changeStatus(r, before, "withdrawn", reason, user, Instant.now(clock));
    }

    private ResultView changeStatus(Result r, Map<String, Object> before, String action, String reason, User user,
            Instant now) {
        r.updatedBy = user;
        r.updatedAt = now;
        r.flush();
        changeLog.record(ENTITY, r.id, action, reason, null, diff(before, snapshot(r)), user);
        dataVersion.bump();
        return view(r, doubleCountProjects(r), YearLock.isLocked(r.resultYear));
    }

    /**
     * A lead may change only results of projects they lead (403), nobody a withdrawn one (409), and only
     * an admin an approved one (409 with {@code approvedKey}).
     */
    private static void requireChangeable(Result r, User user, boolean admin, String approvedKey) {
        if (!admin && !r.project.isLedBy(user.id)) {
            throw new ForbiddenException();
        }
        if (r.status == ResultStatus.WITHDRAWN) {
            throw new ConflictException("result.conflict.withdrawn");
        }
        if (!admin && r.status == ResultStatus.APPROVED) {
            throw new ConflictException(approvedKey);
        }
    }

    private User requireAdmin() {
        User user = currentUser.require();
        if (!user.hasRole(Role.ADMIN)) {
            throw new ForbiddenException();
        }
        return user;
    }

    private String requireReason(String text) {
        String reason = Inputs.text(text);
        Errors errors = new Errors();
        if (reason == null) {
            errors.add("reason", "result.error.reason.required");
        }
        checkReasonLength(reason, errors);
        errors.throwIfAny();
        return reason;
    }

    private static void checkReasonLength(String reason, Errors errors) {
        if (reason != null && reason.length() > REASON_MAX) {
            errors.add("reason", "error.toolong", REASON_MAX);
        }
    }

    /**
     * A result dated in a locked year may be changed only by an admin giving a reason; a lead gets a
     * message at the date (when registering or editing) or a conflict (for a status change).
     */
    private void checkYearLock(Set<Integer> years, User user, String reason, Errors errors) {
        for (int year : years) {
            if (!YearLock.isLocked(year)) {
                continue;
            }
            if (user.hasRole(Role.ADMIN)) {
                if (reason == null && !errors.has("reason")) {
                    errors.add("reason", "result.error.locked.reason", year);
                }
            } else if (!errors.has("date")) {
                errors.add("date", "result.error.locked", year);
            }
        }
    }

    /** 409 when the caller's version (if given) is not the stored one: someone changed the result since. */
    private void requireVersion(Result r, Long version) {
        if (version != null && version != r.version) {
            throw stale(r);
        }
    }

    private ConflictException stale(Result r) {
        List<ChangeEvent> events = ChangeEvent.forEntity(ENTITY, r.id);
        String who = events.isEmpty() ? "?" : events.get(0).changedByName;
        return new ConflictException("result.conflict.stale", who);
    }

    private Resolved validate(ResultInput in, User user, Errors errors) {
        Project project = null;
        if (in.projectId() == null) {
            errors.add("projectId", "result.error.project.required");
        } else {
            project = Project.findById(in.projectId());
            if (project == null) {
                errors.add("projectId", "result.error.project.unknown", in.projectId());
            } else if (!user.hasRole(Role.ADMIN) && !project.isLedBy(user.id)) {
                throw new ForbiddenException();
            }
        }
        Municipality municipality = null;
        String mCode = Inputs.text(in.municipality());
        if (mCode == null) {
            errors.add("municipality", "error.required");
        } else {
            municipality = Municipality.findByAnyCode(mCode).orElse(null);
            if (municipality == null) {
                errors.add("municipality", "error.unknown.municipality", mCode);
            } else if (project != null) {
                String code = municipality.code;
                if (project.municipalities.stream().noneMatch(x -> x.code.equals(code))) {
                    errors.add("municipality", "result.error.municipality.notInProject", municipality.name,
                            project.name);
                }
            }
        }
        FocusArea focusArea = null;
        String faCode = Inputs.text(in.focusArea());
        if (faCode == null) {
            focusArea = project == null ? null : project.focusArea;
        } else {
            focusArea = FocusArea.findByCode(faCode).orElse(null);
            if (focusArea == null) {
                errors.add("focusArea", "error.unknown.focusarea", faCode);
            }
        }
        LocalDate date = in.date();
        if (date == null) {
            errors.add("date", "error.required");
        } else if (date.isAfter(today())) {
            errors.add("date", "result.error.date.future");
        } else if (date.isBefore(EARLIEST_DATE)) {
            errors.add("date", "result.error.date.early");
        }
        ResultKind kind = null;
        String kCode = Inputs.text(in.kind());
        if (kCode == null) {
            errors.add("kind", "error.required");
        } else {
            kind = CodedEnum.fromCode(ResultKind.class, kCode).orElse(null);
            if (kind == null) {
                errors.add("kind", "result.error.kind");
            }
        }
        BigDecimal amount = in.amount();
        boolean amountOk = false;
        if (amount == null) {
            if (!errors.has("amount")) {
                errors.add("amount", "error.required");
            }
        } else if (amount.signum() <= 0) {
            errors.add("amount", "result.error.amount.positive");
        } else if (amount.stripTrailingZeros().scale() > 1) {
            errors.add("amount", "result.error.amount.decimals");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add("amount", "result.error.amount.max", 500);
        } else if (kind == ResultKind.NEW_COMPANY && amount.stripTrailingZeros().scale() > 0) {
            errors.add("amount", "result.error.amount.whole");
        } else {
            amountOk = true;
        }
        boolean splitOk = checkSplit("women", in.women(), errors) & checkSplit("men", in.men(), errors);
        if (splitOk && amountOk && (in.women() != null || in.men() != null)) {
            BigDecimal w = in.women() == null ? BigDecimal.ZERO : in.women();
            BigDecimal m = in.men() == null ? BigDecimal.ZERO : in.men();
            if (w.add(m).compareTo(amount) != 0) {
                errors.add("women", "result.error.split", Inputs.text(amount.stripTrailingZeros().toPlainString()));
            }
        }
        String company = Inputs.text(in.companyName());
        if (company != null && company.length() > COMPANY_NAME_MAX) {
            errors.add("companyName", "error.toolong", COMPANY_NAME_MAX);
        }
        String org = Inputs.text(in.orgNumber());
        String orgNumber = null;
        if (org == null) {
            if (kind == ResultKind.NEW_COMPANY) {
                errors.add("orgNumber", "result.error.orgNumber.required");
            }
        } else {
            OrgNumber.Problem problem = OrgNumber.problem(org);
            if (problem != null) {
                errors.add("orgNumber", problem.messageKey);
            } else {
                orgNumber = OrgNumber.normalise(org);
            }
        }
        String evidence = Inputs.text(in.evidence());
        if (evidence == null) {
            errors.add("evidence", "result.error.evidence.required");
        } else if (evidence.length() > EVIDENCE_MAX) {
            errors.add("evidence", "result.error.evidence.toolong", EVIDENCE_MAX, evidence.length());
        }
        checkReasonLength(Inputs.text(in.reason()), errors);
        return new Resolved(project, municipality, focusArea, kind, orgNumber);
    }

    private static boolean checkSplit(String field, BigDecimal value, Errors errors) {
        if (value == null) {
            return !errors.has(field);
        }
        if (value.signum() < 0) {
            errors.add(field, "error.negative");
            return false;
        }
        if (value.stripTrailingZeros().scale() > 1) {
            errors.add(field, "result.error.amount.decimals");
            return false;
        }
        return true;
    }

    private static void apply(Result r, ResultInput in, Resolved v) {
        r.project = v.project();
        r.municipality = v.municipality();
        r.focusArea = v.focusArea();
        r.setDate(in.date());
        r.kind = v.kind();
        r.amount = scale1(in.amount());
        r.women = scale1(in.women());
        r.men = scale1(in.men());
        r.companyName = Inputs.text(in.companyName());
        r.orgNumber = v.orgNumber();
        r.evidence = Inputs.text(in.evidence());
    }

    private static BigDecimal scale1(BigDecimal v) {
        return v == null ? null : v.setScale(1);
    }

    /** The recorded fields of a result, in a fixed order, as the history stores them. */
    private static Map<String, Object> snapshot(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("projectId", r.project == null ? null : r.project.id);
        m.put("municipality", r.municipality == null ? null : r.municipality.code);
        m.put("focusArea", r.focusArea == null ? null : r.focusArea.code);
        m.put("date", r.date);
        m.put("kind", r.kind);
        m.put("amount", r.amount);
        m.put("women", r.women);
        m.put("men", r.men);
        m.put("companyName", r.companyName);
        m.put("orgNumber", r.orgNumber);
        m.put("evidence", r.evidence);
        m.put("status", r.status);
        m.put("statusReason", r.statusReason);
        return m;
    }

    private static ChangeLog.Diff diff(Map<String, Object> before, Map<String, Object> after) {
        ChangeLog.Diff d = ChangeLog.diff();
        after.forEach((k, v) -> d.field(k, before.get(k), v));
        return d;
    }

    private Saved saved(Result r) {
        List<String> others = doubleCountProjects(r);
        return new Saved(view(r, others, YearLock.isLocked(r.resultYear)), others);
    }

    static ResultView view(Result r, List<String> doubleCountProjects, boolean yearLocked) {
        return view(r, !doubleCountProjects.isEmpty(), doubleCountProjects, yearLocked);
    }

    static ResultView view(Result r, boolean doubleCount, List<String> names, boolean yearLocked) {
        return new ResultView(r.id, r.project.id, r.project.name, r.municipality.code, r.municipality.name,
                r.focusArea.code, r.focusArea.nameNb, r.focusArea.nameEn, r.date, r.kind, r.amount, r.women, r.men,
                r.companyName, r.orgNumber, r.evidence, r.status, r.statusReason, r.version, List.of(),
                r.registeredBy.displayName, r.registeredAt, r.approvedBy == null ? null : r.approvedBy.displayName,
                r.approvedAt, r.updatedBy == null ? null : r.updatedBy.displayName, r.updatedAt, doubleCount, names,
                yearLocked);
    }

    // ------------------------------------------------------------------ year locks

    public record YearRow(int year, boolean locked, boolean inProgramme) {
    }

    /** The programme's years (and any other locked year), with their lock state. */
    public List<YearRow> years() {
        Programme p = Programme.get();
        Set<Integer> locked = YearLock.lockedYears();
        Set<Integer> all = new TreeSet<>(locked);
        Set<Integer> programme = new HashSet<>();
        if (p != null) {
            for (int y = p.startDate.getYear(); y <= p.endDate.getYear(); y++) {
                all.add(y);
                programme.add(y);
            }
        }
        return all.stream().map(y -> new YearRow(y, locked.contains(y), programme.contains(y))).toList();
    }

    public Set<Integer> lockedYears() {
        return YearLock.lockedYears();
    }

    @Transactional
    public void setYearLocked(int year, boolean lock) {
        User user = requireAdmin();
        if (year < EARLIEST_DATE.getYear() || year > today().getYear() + 10) {
            throw new NotFoundException("result.year.notfound");
        }
        YearLock l = YearLock.findById(year);
        boolean was = l != null && l.locked;
        if (was == lock) {
            return;
        }
        if (l == null) {
            l = new YearLock();
            l.lockYear = year;
            l.persist();
        }
        l.locked = lock;
        l.lockedBy = user.id;
        l.lockedAt = Instant.now(clock);
        changeLog.record(YEAR_LOCK_ENTITY, year, lock ? "locked" : "unlocked", null, null,
                ChangeLog.diff().field("locked", was, lock), user);
    }
}
