package no.hallingdal.jobbmal.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.ForbiddenException;
import no.hallingdal.jobbmal.project.Project;

import java.util.List;

/**
 * Who may do what with results (docs/security.md, "Results"): the one home of these rules, asked by the
 * services before they act and by the pages before they show a button. An admin may register for any
 * project, change any result that is not withdrawn and approve or return; a lead may register for the
 * projects they lead and change their pending or returned results there.
 */
@ApplicationScoped
public class ResultPolicy {

    @Inject
    CurrentUser currentUser;

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

    /** Whether {@code user} may change a result of a project they do or do not lead, in this status. */
    static Change change(User user, boolean leadsProject, ResultStatus status) {
        boolean admin = user != null && user.hasRole(Role.ADMIN);
        if (!admin && !(user != null && user.hasRole(Role.LEAD) && leadsProject)) {
            return Change.FORBIDDEN;
        }
        if (status == ResultStatus.WITHDRAWN) {
            return Change.WITHDRAWN;
        }
        return !admin && status == ResultStatus.APPROVED ? Change.APPROVED : Change.ALLOWED;
    }

    /** Whether the current user may register results at all (for some project). */
    public boolean mayRegister() {
        return currentUser.isAdmin() || currentUser.isLead();
    }

    /** Whether the current user may register results for this project. */
    public boolean mayRegisterFor(Project p) {
        return currentUser.isAdmin() || currentUser.isLead() && p.isLedBy(currentUser.id());
    }

    /** Whether the current user may approve and return results. */
    public boolean mayApprove() {
        return currentUser.isAdmin();
    }

    /** Whether the current user may edit (or withdraw) this result now: the page shows the buttons only then. */
    public boolean mayChange(ResultView r) {
        User user = currentUser.user().orElse(null);
        return change(user, leads(user, r.projectId()), r.status()) == Change.ALLOWED;
    }

    /** The user who registers, or 403 for a role that never registers. */
    User requireRegistrar() {
        User user = currentUser.require();
        if (!user.hasRole(Role.ADMIN) && !user.hasRole(Role.LEAD)) {
            throw new ForbiddenException();
        }
        return user;
    }

    /** 403 unless {@code user} may register for {@code project}. */
    static void requireRegistrarFor(User user, Project project) {
        if (!user.hasRole(Role.ADMIN) && !project.isLedBy(user.id)) {
            throw new ForbiddenException();
        }
    }

    /** The user who approves, returns and locks years, or 403. */
    User requireAdmin() {
        User user = currentUser.require();
        if (!user.hasRole(Role.ADMIN)) {
            throw new ForbiddenException();
        }
        return user;
    }

    /** 403 or 409 unless {@code user} may change {@code r}; {@code approvedKey} names why an approved one may not. */
    static void requireChange(User user, Result r, String approvedKey) {
        change(user, r.project.isLedBy(user.id), r.status).require(approvedKey);
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

    private static boolean leads(User user, long projectId) {
        return user != null && Project.count("select count(p) from Project p join p.leads l where p.id = ?1 and l.id = ?2",
                projectId, user.id) > 0;
    }
}
