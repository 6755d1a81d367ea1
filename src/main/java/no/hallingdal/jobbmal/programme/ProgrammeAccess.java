package no.hallingdal.jobbmal.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.account.Rights;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.ForbiddenException;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who may see and run which programme (docs/rules.md, "Who may do what"): a member reads their programme and
 * acts in it by their role, a county user reads every programme of their county, a system administrator
 * reads every programme; the county overview of a county is for its county users and system administrators. The one
 * home of these rules; features ask it for the programme (or county) in question.
 */
@ApplicationScoped
public class ProgrammeAccess {

    @Inject
    CurrentUser currentUser;

    /** Whether a user with these rights may read the programme's figures, pages and exports. */
    public static boolean canRead(Rights user, Programme p) {
        return user != null && (user.systemAdmin() || user.membershipRole(p.id).isPresent() || county(user, p));
    }

    /** The role a user acts with in the programme: their membership's, else county for their county's. */
    public static Optional<Role> roleIn(Rights user, Programme p) {
        if (user == null) {
            return Optional.empty();
        }
        Optional<Role> member = user.membershipRole(p.id);
        return member.isPresent() ? member : county(user, p) ? Optional.of(Role.COUNTY) : Optional.empty();
    }

    private static boolean county(Rights user, Programme p) {
        return user.countyCode() != null && user.countyCode().equals(p.countyCode);
    }

    /**
     * Whether a user with these rights may read the county overview of {@code countyCode} (every programme of the
     * county, its exports): a county user of that county, or a system administrator.
     */
    public static boolean canReadCounty(Rights user, String countyCode) {
        return user != null && (user.systemAdmin() || user.countyCode() != null && user.countyCode().equals(countyCode));
    }

    /** Whether a user with these rights follows a county overview: a county user, or a system administrator. */
    public static boolean followsCounty(Rights user) {
        return user != null && (user.systemAdmin() || user.countyCode() != null);
    }

    /** 403 unless the current user may read the county overview of {@code countyCode}. */
    public void requireCounty(String countyCode) {
        if (!canReadCounty(currentUser.rights().orElse(null), countyCode)) {
            throw new ForbiddenException();
        }
    }

    /** The current user's own county (a county user's), or null. */
    public String ownCounty() {
        return currentUser.rights().map(Rights::countyCode).orElse(null);
    }

    /** Whether the current user is a system administrator. */
    public boolean systemAdmin() {
        return currentUser.rights().map(Rights::systemAdmin).orElse(false);
    }

    public boolean canRead(Programme p) {
        return canRead(currentUser.rights().orElse(null), p);
    }

    /** 403 unless the current user may read the programme. */
    public void requireRead(Programme p) {
        if (!canRead(p)) {
            throw new ForbiddenException();
        }
    }

    /** The current user's role in the programme, if any. */
    public Optional<Role> role(Programme p) {
        return roleIn(currentUser.rights().orElse(null), p);
    }

    public boolean is(Role role, Programme p) {
        return role(p).map(r -> r == role).orElse(false);
    }

    /** The current user, when they are the programme's admin; else 403. */
    public User requireAdmin(Programme p) {
        User user = currentUser.require();
        if (!user.is(Role.ADMIN, p.id)) {
            throw new ForbiddenException();
        }
        return user;
    }

    /**
     * Whether a user with these rights may administer the programme (its details, periods, focus areas and
     * members): its admin, or a system administrator.
     */
    public static boolean canAdminister(Rights user, Programme p) {
        return user != null && (user.systemAdmin() || user.membershipRole(p.id).map(r -> r == Role.ADMIN).orElse(false));
    }

    public boolean canAdminister(Programme p) {
        return canAdminister(currentUser.rights().orElse(null), p);
    }

    /** The current user, when they may administer the programme (its admin or a system administrator); else 403. */
    public User requireAdministration(Programme p) {
        User user = currentUser.require();
        if (!canAdminister(user, p)) {
            throw new ForbiddenException();
        }
        return user;
    }

    /** The current user, when they are a system administrator; else 403. */
    public User requireSystemAdmin() {
        return currentUser.requireSystemAdmin();
    }

    /** The programmes the current user may read, by name. */
    public List<Programme> visible() {
        Rights user = currentUser.rights().orElse(null);
        return Programme.listByName().stream().filter(p -> canRead(user, p)).toList();
    }

    /** The instance's programme when it has exactly one. */
    public Optional<Programme> onlyProgramme() {
        List<Programme> all = Programme.list("order by id");
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /** The codes of the programmes the user may choose from, for a message that names them. */
    public String choices() {
        return visible().stream().map(p -> p.code).collect(Collectors.joining(", "));
    }
}
