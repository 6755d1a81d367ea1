package no.hallingdal.jobbmal.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.ForbiddenException;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeAccess;
import no.hallingdal.jobbmal.project.Project;

import java.util.List;

/**
 * Who may do what with results (docs/rules.md, "Who may do what"): the one home of these rules, asked by the
 * services before they act and by the pages before they show a button. In a programme, its admin may register for
 * any of its projects, change any of its results that is not withdrawn and approve or return; a lead may register
 * for the projects they lead and change their pending or returned results there. Everyone who may read a
 * programme may read its results.
 */
@ApplicationScoped
public class ResultPolicy {

    @Inject
    CurrentUser currentUser;

    @Inject
    ProgrammeAccess access;

    /** Whether a change of a result is allowed, and if not, why. */
    public enum Change {
        ALLOWED, FORBIDDEN, WITHDRAWN, APPROVED;

        /** Throws what refuses this change: 403, or 409 with {@code approvedKey} for an approved result. */
        void require(String approvedKey) {
            switch (this) {
                case FORBIDDEN -> throw new ForbiddenException();
                case WITHDRAWN -> throw new ConflictException("result.conflict.withdrawn");
                case APPROVED -> throw new ConflictException(approvedKey);
                default -> {
                }
            }
        }
    }

    /** Whether {@code user} may change a result of the programme, of a project they do or do not lead, in this status. */
    static Change change(User user, long programmeId, boolean leadsProject, ResultStatus status) {
        boolean admin = user != null && user.is(Role.ADMIN, programmeId);
        if (!admin && !(user != null && user.is(Role.LEAD, programmeId) && leadsProject)) {
            return Change.FORBIDDEN;
        }
        if (status == ResultStatus.WITHDRAWN) {
            return Change.WITHDRAWN;
        }
        return !admin && status == ResultStatus.APPROVED ? Change.APPROVED : Change.ALLOWED;
    }

    /** Whether the current user may register results in the programme (for some project). */
    public boolean mayRegister(Programme p) {
        return access.is(Role.ADMIN, p) || access.is(Role.LEAD, p);
    }

    /** Whether the current user may register results for this project. */
    public boolean mayRegisterFor(Project p) {
        return access.is(Role.ADMIN, p.programme) || access.is(Role.LEAD, p.programme) && p.isLedBy(currentUser.id());
    }

    /** Whether the current user may approve and return results of the programme. */
    public boolean mayApprove(Programme p) {
        return access.is(Role.ADMIN, p);
    }

    /** Whether the current user may edit (or withdraw) this result now: the page shows the buttons only then. */
    public boolean mayChange(ResultView r) {
        User user = currentUser.user().orElse(null);
        return change(user, r.programmeId(), leads(user, r.projectId()), r.status()) == Change.ALLOWED;
    }

    /** The user who registers: 403 for whoever is neither an admin nor a lead anywhere. */
    User requireRegistrar() {
        User user = currentUser.require();
        if (user.memberships.stream().noneMatch(m -> Role.ADMIN_CODE.equals(m.role) || Role.LEAD_CODE.equals(m.role))) {
            throw new ForbiddenException();
        }
        return user;
    }

    /** 403 unless {@code user} may register for {@code project}: its programme's admin, or its lead. */
    static void requireRegistrarFor(User user, Project project) {
        long programme = project.programme.id;
        if (!user.is(Role.ADMIN, programme) && !(user.is(Role.LEAD, programme) && project.isLedBy(user.id))) {
            throw new ForbiddenException();
        }
    }

    /** The user who approves, returns and locks years: the programme's admin, or 403. */
    User requireAdmin(long programmeId) {
        User user = currentUser.require();
        if (!user.is(Role.ADMIN, programmeId)) {
            throw new ForbiddenException();
        }
        return user;
    }

    /** 403 or 409 unless {@code user} may change {@code r}; {@code approvedKey} names why an approved one may not. */
    static void requireChange(User user, Result r, String approvedKey) {
        change(user, r.programmeId, r.project.isLedBy(user.id), r.status).require(approvedKey);
    }

    /** 403 unless the current user may read the programme's results. */
    void requireRead(Programme p) {
        access.requireRead(p);
    }

    /** The programme's projects the current user may register results for: all for its admin, their own for a lead. */
    public List<Project> registrableProjects(Programme p) {
        User user = currentUser.require();
        if (user.is(Role.ADMIN, p.id)) {
            return Project.list("programme.id = ?1 order by name", p.id);
        }
        if (user.is(Role.LEAD, p.id)) {
            return Project.list("select p from Project p join p.leads l where l.id = ?1 and p.programme.id = ?2"
                    + " order by p.name", user.id, p.id);
        }
        return List.of();
    }

    private static boolean leads(User user, long projectId) {
        return user != null && Project.count("select count(p) from Project p join p.leads l where p.id = ?1 and l.id = ?2",
                projectId, user.id) > 0;
    }
}
