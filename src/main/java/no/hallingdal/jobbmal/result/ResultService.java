package no.hallingdal.jobbmal.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.DataVersion;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.FieldError;
import no.hallingdal.jobbmal.common.ForbiddenException;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.ValidationException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The life of a result (docs/results.md): register, edit, approve, return, withdraw. Shared by the pages, the
 * API and the import. Each write checks permission ({@link ResultPolicy}) first, then state, then input
 * ({@link ResultValidation}, {@link YearLocks}); a refused request changes nothing. Every change is recorded
 * in the history ({@link ResultHistory}) in the same transaction.
 */
@ApplicationScoped
public class ResultService {

    @Inject
    ResultPolicy policy;

    @Inject
    ResultValidation validation;

    @Inject
    ResultSearch search;

    @Inject
    ResultHistory history;

    @Inject
    YearLocks yearLocks;

    @Inject
    DataVersion dataVersion;

    @Inject
    ResultSums sums;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<ResultReturned> returnedEvent;

    /** The result of a save: the result and the projects it is double counted with (for the warning). */
    public record Saved(ResultView result, List<String> doubleCountProjects) {
    }

    /** Every change of a result, newest first; 404 for an unknown result. */
    @Transactional
    public List<ResultHistory.HistoryEntry> history(long id) {
        search.findReadable(id);
        return history.of(id);
    }

    /**
     * Checks a registration by every rule of {@link #create} without saving anything, for the import's dry
     * run: the field errors, or an empty list. A project the user may not use is an error on
     * {@code projectId} here (the form and the API answer 403).
     */
    @Transactional
    public List<FieldError> check(ResultInput in) {
        User user = policy.requireRegistrar();
        Errors errors = new Errors();
        ResultValidation.Resolved v;
        try {
            v = validation.validate(in, user, errors);
        } catch (ForbiddenException e) {
            errors.add("projectId", "result.import.notYourProject", in.projectId());
            return errors.list();
        }
        checkYearLock(in, v, user, errors);
        return errors.list();
    }

    @Transactional
    public Saved create(ResultInput in) {
        return create(in, null);
    }

    /** Registers a result; {@code source} says where it came from when not a form or the API (an import). */
    @Transactional
    public Saved create(ResultInput in, String source) {
        User user = policy.requireRegistrar();
        Errors errors = new Errors();
        ResultValidation.Resolved v = validation.validate(in, user, errors);
        checkYearLock(in, v, user, errors);
        errors.throwIfAny();
        Instant now = Instant.now(clock);
        Result r = new Result();
        r.programmeId = v.project().programme.id;
        apply(r, in, v);
        r.status = ResultStatus.PENDING;
        r.registeredBy = user;
        r.registeredAt = now;
        r.updatedBy = user;
        r.updatedAt = now;
        r.persist();
        r.flush();
        history.record(r, "created", Inputs.text(in.reason()), source, Map.of(), user);
        sums.change(null, r);
        dataVersion.bump();
        return saved(r);
    }

    @Transactional
    public Saved update(long id, ResultInput in) {
        User user = policy.requireRegistrar();
        Result r = search.find(id);
        ResultPolicy.requireChange(user, r, "result.conflict.approvedAdminOnly");
        if (in.version() == null) {
            throw ValidationException.of("version", "error.required");
        }
        requireVersion(r, in.version());
        Errors errors = new Errors();
        ResultValidation.Resolved v = validation.validate(in, user, errors);
        String reason = Inputs.text(in.reason());
        if (user.is(Role.ADMIN, r.programmeId) && r.status == ResultStatus.APPROVED && reason == null
                && !errors.has("reason")) {
            errors.add("reason", "result.error.reason.approved");
        }
        Set<Integer> years = new TreeSet<>();
        years.add(r.resultYear);
        if (in.date() != null) {
            years.add(in.date().getYear());
        }
        yearLocks.check(r.programmeId, years, user, reason, errors);
        if (v.project() != null && v.project().programme.id != r.programmeId) {
            errors.add("projectId", "result.error.project.otherProgramme");
        }
        errors.throwIfAny();
        Map<String, Object> before = ResultHistory.snapshot(r);
        ResultSums.Entry figures = ResultSums.entry(r);
        apply(r, in, v);
        String action = "updated";
        if (r.status == ResultStatus.RETURNED) {
            r.status = ResultStatus.PENDING;
            r.statusReason = null;
            action = "resubmitted";
        }
        if (!ResultHistory.changed(before, r)) {
            return saved(r);
        }
        r.updatedBy = user;
        r.updatedAt = Instant.now(clock);
        r.flush();
        history.record(r, action, reason, null, before, user);
        sums.change(figures, r);
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
        Result r = search.find(id);
        User user = policy.requireAdmin(r.programmeId);
        pendingForDecision(r, version, "result.conflict.approve");
        String reason = Inputs.text(reasonText);
        Errors errors = new Errors();
        ResultValidation.checkReasonLength(reason, errors);
        yearLocks.check(r.programmeId, Set.of(r.resultYear), user, reason, errors);
        errors.throwIfAny();
        Instant now = Instant.now(clock);
        Map<String, Object> before = ResultHistory.snapshot(r);
        ResultSums.Entry figures = ResultSums.entry(r);
        r.status = ResultStatus.APPROVED;
        r.statusReason = null;
        r.approvedBy = user;
        r.approvedAt = now;
        return changeStatus(r, before, figures, "approved", reason, user, now);
    }

    /** Returns a pending result to its lead; {@code version} as for {@link #approve}. */
    @Transactional
    public ResultView returnResult(long id, String reasonText, Long version) {
        Result r = search.find(id);
        User user = policy.requireAdmin(r.programmeId);
        pendingForDecision(r, version, "result.conflict.return");
        String reason = requireReason(r, user, reasonText);
        Map<String, Object> before = ResultHistory.snapshot(r);
        ResultSums.Entry figures = ResultSums.entry(r);
        r.status = ResultStatus.RETURNED;
        r.statusReason = reason;
        ResultView view = changeStatus(r, before, figures, "returned", reason, user, Instant.now(clock));
        returnedEvent.fire(new ResultReturned(r.id, reason, r.version, user.id)); // the e-mail to its lead (mail/)
        return view;
    }

    /** Withdraws a result; {@code version} as for {@link #approve}. */
    @Transactional
    public ResultView withdraw(long id, String reasonText, Long version) {
        User user = policy.requireRegistrar();
        Result r = search.find(id);
        ResultPolicy.requireChange(user, r, "result.conflict.withdrawApproved");
        requireVersion(r, version);
        String reason = requireReason(r, user, reasonText);
        Map<String, Object> before = ResultHistory.snapshot(r);
        ResultSums.Entry figures = ResultSums.entry(r);
        r.status = ResultStatus.WITHDRAWN;
        r.statusReason = reason;
        return changeStatus(r, before, figures, "withdrawn", reason, user, Instant.now(clock));
    }

    /** A result to approve or return must be the version the caller saw, and pending. */
    private void pendingForDecision(Result r, Long version, String notPendingKey) {
        requireVersion(r, version);
        if (r.status != ResultStatus.PENDING) {
            throw new ConflictException(notPendingKey);
        }
    }

    /** The reason a status change needs, also covering a locked year. */
    private String requireReason(Result r, User user, String text) {
        String reason = ResultValidation.requireReason(text);
        Errors errors = new Errors();
        yearLocks.check(r.programmeId, Set.of(r.resultYear), user, reason, errors);
        errors.throwIfAny();
        return reason;
    }

    private ResultView changeStatus(Result r, Map<String, Object> before, ResultSums.Entry figures, String action,
            String reason, User user, Instant now) {
        r.updatedBy = user;
        r.updatedAt = now;
        r.flush();
        history.record(r, action, reason, null, before, user);
        sums.change(figures, r);
        dataVersion.bump();
        return search.view(r);
    }

    /** A new result's date in a locked year of its project's programme needs an admin's reason. */
    private void checkYearLock(ResultInput in, ResultValidation.Resolved v, User user, Errors errors) {
        if (in.date() != null && !errors.has("date") && v.project() != null) {
            yearLocks.check(v.project().programme.id, Set.of(in.date().getYear()), user, Inputs.text(in.reason()),
                    errors);
        }
    }

    /** 409 when the caller's version (if given) is not the stored one: someone changed the result since. */
    private void requireVersion(Result r, Long version) {
        if (version != null && version != r.version) {
            throw new ConflictException("result.conflict.stale", history.lastChangedBy(r.id));
        }
    }

    private static void apply(Result r, ResultInput in, ResultValidation.Resolved v) {
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

    private Saved saved(Result r) {
        ResultView view = search.view(r);
        return new Saved(view, view.doubleCountProjects());
    }
}
