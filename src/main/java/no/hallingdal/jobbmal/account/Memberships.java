package no.hallingdal.jobbmal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.CodedEnum;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.history.ChangeLog;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeAccess;
import no.hallingdal.jobbmal.project.Project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules of a user's rights in programmes (docs/rules.md, "Who may do what"): a membership is a role (admin,
 * lead or board) in one programme, and a lead leads some of that programme's projects; a programme keeps at least
 * one active admin. The one home of these rules for the user pages and API ({@link UserService}, system
 * administrators) and a programme's members page (its admin). Every change of a membership is recorded in the
 * programme's history (entity {@code membership}, the user's id).
 */
@ApplicationScoped
public class Memberships {

    @Inject
    ChangeLog changeLog;

    @Inject
    ProgrammeAccess access;

    /** Rights an input resolves to: a role per programme id, the projects led per programme id, county, flag. */
    record Resolved(Map<Long, Role> roles, Map<Long, Set<Project>> projects, String countyCode, boolean systemAdmin) {
    }

    /** A member of a programme as its members page lists them. */
    public record Member(Long userId, String username, String displayName, boolean active, String role,
            List<UserService.ProjectRef> projects) {
    }

    // ---- A programme's members (its admin or a system administrator)

    /** The programme's members by name, with the projects each leads there. */
    public List<Member> members(Programme p) {
        access.requireAdministration(p);
        Map<Long, List<UserService.ProjectRef>> led = new HashMap<>();
        Project.getEntityManager().createQuery("select u.id, pr.id, pr.name from Project pr join pr.leads u "
                + "where pr.programme.id = :p order by pr.name", Object[].class).setParameter("p", p.id)
                .getResultList().forEach(r -> led.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add(new UserService.ProjectRef((Long) r[1], (String) r[2])));
        List<Membership> ms = Membership.list("select m from Membership m join fetch m.user u where m.programmeId = ?1 "
                + "order by lower(u.displayName), u.username", p.id);
        return ms.stream().map(m -> new Member(m.user.id, m.user.username, m.user.displayName, m.user.active, m.role,
                led.getOrDefault(m.user.id, List.of()))).toList();
    }

    /** One member; 404 when the user is not a member of the programme. */
    public Member member(Programme p, Long userId) {
        return members(p).stream().filter(m -> m.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new NotFoundException("membership.notfound"));
    }

    /** The programme's projects, by name (a lead's choices). */
    public List<UserService.ProjectRef> projects(Programme p) {
        return Project.getEntityManager().createQuery("select p.id, p.name from Project p where p.programme.id = :p "
                + "order by p.name", Object[].class).setParameter("p", p.id).getResultList().stream()
                .map(r -> new UserService.ProjectRef((Long) r[0], (String) r[1])).toList();
    }

    /** Makes an existing user a member of the programme with a role (and, for a lead, projects). */
    @Transactional
    public User add(Programme programme, String username, String role, List<Long> projectIds, Errors errors) {
        access.requireAdministration(programme);
        Programme p = Programme.findById(programme.id);
        User u = null;
        if (Inputs.text(username) == null) {
            errors.add("username", "error.required");
        } else {
            u = User.findByUsername(username).orElse(null);
            if (u == null) {
                errors.add("username", "membership.error.unknownUser", username.strip());
            } else if (u.membership(p.id).isPresent()) {
                errors.add("username", "membership.error.already", u.username, p.name);
            }
        }
        Role r = role(role, "role", errors);
        Set<Project> projects = projects(p, r, projectIds, "projects", errors);
        errors.throwIfAny();
        set(u, p, r, projects);
        return u;
    }

    /** Changes a member's role and projects; the programme keeps an active admin. */
    @Transactional
    public User change(Programme programme, Long userId, String role, List<Long> projectIds, Errors errors) {
        access.requireAdministration(programme);
        Programme p = Programme.findById(programme.id);
        User u = memberUser(p, userId);
        Role r = role(role, "role", errors);
        Set<Project> projects = projects(p, r, projectIds, "projects", errors);
        if (r != null) {
            Map<Long, Role> after = roles(u);
            after.put(p.id, r);
            checkAdminsKept(u, after, u.active, "role", errors);
        }
        errors.throwIfAny();
        set(u, p, r, projects);
        return u;
    }

    /** Ends a membership (and the projects led there); not the programme's last active admin's. */
    @Transactional
    public User remove(Programme programme, Long userId) {
        access.requireAdministration(programme);
        Programme p = Programme.findById(programme.id);
        User u = memberUser(p, userId);
        Errors errors = new Errors();
        Map<Long, Role> after = roles(u);
        after.remove(p.id);
        checkAdminsKept(u, after, u.active, "role", errors);
        errors.throwIfAny();
        set(u, p, null, Set.of());
        return u;
    }

    private static User memberUser(Programme p, Long userId) {
        User u = userId == null ? null : User.findById(userId);
        if (u == null || u.membership(p.id).isEmpty()) {
            throw new NotFoundException("membership.notfound");
        }
        return u;
    }

    // ---- Rights of a user (system administrators, through UserService)

    /**
     * The rights the input asks for: its memberships, or its wave-1 role in the only programme; null on an update
     * that names neither. On a create one of them is required.
     */
    Resolved resolve(UserService.UserInput in, Errors errors, boolean create) {
        if (in.memberships() != null) {
            return fromMemberships(in, errors);
        }
        String role = Inputs.text(in.role());
        if (role == null) {
            if (create || in.countyCode() != null || in.systemAdmin() != null) {
                if (create && in.countyCode() == null && !Boolean.TRUE.equals(in.systemAdmin())) {
                    errors.add("role", "error.required");
                }
                return new Resolved(Map.of(), Map.of(), county(in.countyCode(), errors),
                        Boolean.TRUE.equals(in.systemAdmin()));
            }
            return null;
        }
        Role r = CodedEnum.fromCode(Role.class, role).orElse(null);
        if (r == null) {
            errors.add("role", "user.error.role");
            return null;
        }
        List<Programme> all = Programme.list("order by id");
        if (all.size() != 1) {
            errors.add("memberships", "user.error.role.severalProgrammes",
                    all.stream().map(p -> p.code).collect(Collectors.joining(", ")));
            return null;
        }
        Programme only = all.get(0);
        boolean systemAdmin = in.systemAdmin() != null ? in.systemAdmin() : r == Role.ADMIN;
        if (r == Role.COUNTY) {
            if (in.projectIds() != null && !in.projectIds().isEmpty()) {
                errors.add("projects", "user.error.projects.lead");
            }
            return new Resolved(Map.of(), Map.of(), only.countyCode, systemAdmin);
        }
        return new Resolved(Map.of(only.id, r), Map.of(only.id, projects(only, r, in.projectIds(), "projects", errors)),
                county(in.countyCode(), errors), systemAdmin);
    }

    private static Resolved fromMemberships(UserService.UserInput in, Errors errors) {
        Map<Long, Role> roles = new LinkedHashMap<>();
        Map<Long, Set<Project>> projects = new HashMap<>();
        for (int i = 0; i < in.memberships().size(); i++) {
            UserService.MembershipInput m = in.memberships().get(i);
            String field = "memberships[" + i + "]";
            Programme p = m == null ? null : Programme.findByCode(m.programme()).orElse(null);
            Role r = m == null ? null : CodedEnum.fromCode(Role.class, m.role()).orElse(null);
            if (p == null) {
                errors.add(field + ".programme", "user.error.programme", m == null ? "" : String.valueOf(m.programme()));
            } else if (roles.containsKey(p.id)) {
                errors.add(field + ".programme", "user.error.programme.twice", p.code);
            }
            if (r == null || r == Role.COUNTY) {
                errors.add(field + ".role", "user.error.role");
            }
            if (p != null && r != null && r != Role.COUNTY && !roles.containsKey(p.id)) {
                roles.put(p.id, r);
                projects.put(p.id, projects(p, r, m.projectIds(), field + ".projectIds", errors));
            }
        }
        return new Resolved(roles, projects, county(in.countyCode(), errors), Boolean.TRUE.equals(in.systemAdmin()));
    }

    /**
     * Every programme where the user is an active admin and would no longer be ({@code after}: their roles by
     * programme id; {@code activeAfter}: whether they stay active) must keep another active admin: an error on
     * {@code field} for each that would not.
     */
    void checkAdminsKept(User u, Map<Long, Role> after, boolean activeAfter, String field, Errors errors) {
        if (!u.active) {
            return;
        }
        for (Membership m : u.memberships) {
            boolean stays = activeAfter && after.get(m.programmeId) == Role.ADMIN;
            if (Role.ADMIN_CODE.equals(m.role) && !stays && otherActiveAdmins(m.programmeId, u.id) == 0) {
                Programme p = Programme.findById(m.programmeId);
                errors.add(field, "membership.error.lastAdmin", p.name);
            }
        }
    }

    private static long otherActiveAdmins(long programmeId, long userId) {
        return Membership.count("programmeId = ?1 and role = ?2 and user.active = true and user.id <> ?3", programmeId,
                Role.ADMIN_CODE, userId);
    }

    /** The user's roles by programme id, to change into what they would be. */
    static Map<Long, Role> roles(User u) {
        Map<Long, Role> roles = new HashMap<>();
        u.memberships.forEach(m -> roles.put(m.programmeId, m.roleValue()));
        return roles;
    }

    /** Gives the user these rights: a role and projects per programme (others ended), county and flag. */
    void apply(User u, Resolved rights) {
        Set<Long> programmes = new LinkedHashSet<>(rights.roles().keySet());
        u.memberships.forEach(m -> programmes.add(m.programmeId));
        ledBy(u, null).forEach(p -> programmes.add(p.programme.id));
        for (Long id : programmes) {
            set(u, Programme.findById(id), rights.roles().get(id), rights.projects().getOrDefault(id, Set.of()));
        }
        u.countyCode = rights.countyCode();
        u.systemAdmin = rights.systemAdmin();
    }

    /** Sets the user's role in the programme (null: none) and the projects they lead there; records the change. */
    private void set(User u, Programme p, Role role, Set<Project> projects) {
        Membership m = u.membership(p.id).orElse(null);
        List<Project> led = ledBy(u, p);
        var diff = ChangeLog.diff().field("role", m == null ? null : m.role, role == null ? null : role.code())
                .field("projects", names(led), names(projects));
        if (diff.isEmpty()) {
            return;
        }
        String action = m == null ? "created" : role == null ? "deleted" : "updated";
        if (m == null && role != null) {
            u.memberships.add(Membership.of(u, p.id, role));
        } else if (m != null && role == null) {
            u.memberships.remove(m);
        } else if (m != null) {
            m.role = role.code();
        }
        for (Project x : led) {
            if (!projects.contains(x)) {
                x.leads.remove(u);
            }
        }
        projects.forEach(x -> x.leads.add(u));
        diff.fields().add(0, new no.hallingdal.jobbmal.history.ChangeField("user", u.username, u.username));
        changeLog.record(p.id, "membership", u.id, action, null, null, diff);
    }

    /** The projects the user leads, in the programme (or anywhere when null). */
    private static List<Project> ledBy(User u, Programme p) {
        if (u.id == null) {
            return List.of();
        }
        return p == null ? Project.list("select p from Project p join p.leads l where l.id = ?1", u.id)
                : Project.list("select p from Project p join p.leads l where l.id = ?1 and p.programme.id = ?2", u.id,
                        p.id);
    }

    private static String names(java.util.Collection<Project> projects) {
        return projects.isEmpty() ? null
                : projects.stream().map(x -> x.name).collect(Collectors.toCollection(TreeSet::new)).stream()
                        .collect(Collectors.joining(", "));
    }

    /** A role in a programme: admin, lead or board (county is not one); required. */
    private static Role role(String raw, String field, Errors errors) {
        String code = Inputs.text(raw);
        if (code == null) {
            errors.add(field, "error.required");
            return null;
        }
        Role r = CodedEnum.fromCode(Role.class, code).orElse(null);
        if (r == null || r == Role.COUNTY) {
            errors.add(field, "user.error.role");
            return null;
        }
        return r;
    }

    static String county(String raw, Errors errors) {
        String code = Inputs.text(raw);
        if (code != null && !code.matches("\\d{2}")) {
            errors.add("countyCode", "user.error.countyCode");
            return null;
        }
        return code;
    }

    /** The programme's projects to lead; only a lead leads projects, for other roles the list must be empty. */
    private static Set<Project> projects(Programme programme, Role role, List<Long> ids, String field, Errors errors) {
        Set<Project> result = new LinkedHashSet<>();
        if (ids == null || ids.isEmpty()) {
            return result;
        }
        if (role != Role.LEAD) {
            if (role != null) {
                errors.add(field, "user.error.projects.lead");
            }
            return result;
        }
        for (Long pid : ids) {
            Project p = pid == null ? null : Project.findById(pid);
            if (p == null || !p.programme.id.equals(programme.id)) {
                errors.add(field, "user.error.projects.unknown", pid);
            } else {
                result.add(p);
            }
        }
        return result;
    }
}
