package no.hallingdal.jobbmal.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for user accounts, shared by the admin pages and the JSON API: create, edit (role, active
 * flag, projects led), reset a password, change one's own password. Users are deactivated, never
 * deleted. Only system administrators reach the admin operations (checked here, and first by the resources);
 * the rules that depend on who acts (an admin may not demote or deactivate themselves) are checked here. The rules of
 * the rights themselves (memberships, projects led, a programme keeps an active admin) are {@link Memberships}'.
 */
@ApplicationScoped
@TemplateData(namespace = TemplateData.SIMPLENAME)
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);

    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 60;
    /** Longest display name and e-mail address. */
    public static final int TEXT_MAX = 200;
    public static final int PASSWORD_MIN = 10;
    /** bcrypt uses at most 72 bytes of a password; longer ones are refused rather than silently cut. */
    public static final int PASSWORD_MAX_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * What a system administrator sets on a user. {@code active} null means true; {@code version} null skips the
     * stale check. Rights come as {@code memberships} (with {@code countyCode} and {@code systemAdmin}), or in the
     * wave-1 shape, {@code role} + {@code projectIds}, which means the instance's only programme (a county role: its
     * county). Neither on an update leaves the rights as they are.
     */
    public record UserInput(String username, String displayName, String email, String role, Boolean active,
            List<Long> projectIds, Long version, List<MembershipInput> memberships, String countyCode,
            Boolean systemAdmin) {

        /** The wave-1 shape: a role (and projects led) in the only programme. */
        public UserInput(String username, String displayName, String email, String role, Boolean active,
                List<Long> projectIds, Long version) {
            this(username, displayName, email, role, active, projectIds, version, null, null, null);
        }
    }

    /**
     * A role in a programme, by the programme's code; {@code projectIds} only for a lead. The programme's name,
     * which the API returns beside its code, is ignored on input (so a user read can be sent back).
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"programmeName"})
    public record MembershipInput(String programme, String role, List<Long> projectIds) {
    }

    /** A programme a user may get a role in, with its projects (a lead's choices), for the user form. */
    public record ProgrammeChoice(String code, String name, List<ProjectRef> projects) {
    }

    /** A user with their memberships and the projects they lead, for lists. */
    public record UserSummary(User user, List<MembershipView> memberships, List<ProjectRef> projects) {
    }

    public record ProjectRef(Long id, String name) {
    }

    @Inject
    CurrentUser currentUser;

    /** Every user, for a system administrator (403 for anyone else). */
    public List<User> listAll() {
        currentUser.requireSystemAdmin();
        return User.list("order by lower(displayName), username");
    }

    /** A user, for a system administrator (403 for anyone else); 404 when unknown. */
    public User administered(Long id) {
        currentUser.requireSystemAdmin();
        return get(id);
    }

    public User get(Long id) {
        User u = id == null ? null : User.findById(id);
        if (u == null) {
            throw new NotFoundException("user.notfound");
        }
        return u;
    }

    /** Every user with the projects they lead, in one query for the links. */
    public List<UserSummary> summaries() {
        Map<Long, List<ProjectRef>> led = new HashMap<>();
        List<Object[]> rows = Project.getEntityManager().createQuery(
                "select u.id, p.id, p.name from Project p join p.leads u order by p.name", Object[].class)
                .getResultList();
        for (Object[] r : rows) {
            led.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new ProjectRef((Long) r[1], (String) r[2]));
        }
        return listAll().stream().map(u -> new UserSummary(u, memberships(u), led.getOrDefault(u.id, List.of())))
                .toList();
    }

    /** A membership as shown and returned: the programme's code and name, the role, the projects led there. */
    public record MembershipView(String programme, String programmeName, String role, List<Long> projectIds) {
    }

    /** The user's memberships with the projects they lead in each programme. */
    public List<MembershipView> memberships(User u) {
        List<ProjectRef> led = projectsLedBy(u.id);
        Map<Long, List<Long>> ledByProgramme = new HashMap<>();
        for (ProjectRef r : led) {
            Project p = Project.findById(r.id());
            ledByProgramme.computeIfAbsent(p.programme.id, k -> new ArrayList<>()).add(r.id());
        }
        List<MembershipView> out = new ArrayList<>();
        for (Membership m : u.memberships) {
            Programme p = Programme.findById(m.programmeId);
            out.add(new MembershipView(p.code, p.name, m.role, ledByProgramme.getOrDefault(p.id, List.of())));
        }
        return out;
    }

    /**
     * The wave-1 role of a user while the instance has one programme: their role there, or county for its county;
     * null with several programmes or no role.
     */
    public String legacyRole(User u) {
        List<Programme> all = Programme.list("order by id");
        if (all.size() != 1) {
            return null;
        }
        Programme p = all.get(0);
        return u.roleIn(p.id).map(Role::code)
                .orElse(p.countyCode.equals(u.countyCode) ? Role.COUNTY_CODE : null);
    }

    public List<ProjectRef> projectsLedBy(Long userId) {
        return Project.getEntityManager().createQuery(
                "select p.id, p.name from Project p join p.leads u where u.id = :id order by p.name", Object[].class)
                .setParameter("id", userId).getResultList().stream()
                .map(r -> new ProjectRef((Long) r[0], (String) r[1])).toList();
    }

    /** Every programme by name with its projects, for a system administrator's user form. */
    public List<ProgrammeChoice> programmeChoices() {
        currentUser.requireSystemAdmin();
        Map<Long, List<ProjectRef>> projects = new HashMap<>();
        Project.getEntityManager().createQuery("select p.programme.id, p.id, p.name from Project p order by p.name",
                Object[].class).getResultList().forEach(r -> projects.computeIfAbsent((Long) r[0],
                        k -> new ArrayList<>()).add(new ProjectRef((Long) r[1], (String) r[2])));
        return Programme.listByName().stream()
                .map(p -> new ProgrammeChoice(p.code, p.name, projects.getOrDefault(p.id, List.of()))).toList();
    }

    public List<ProjectRef> allProjects() {
        // every programme's projects: for a system administrator only (403 for anyone else), like the users
        currentUser.requireSystemAdmin();
        return Project.getEntityManager().createQuery("select p.id, p.name from Project p order by p.name", Object[].class)
                .getResultList().stream().map(r -> new ProjectRef((Long) r[0], (String) r[1])).toList();
    }

    @Inject
    SessionService sessions;

    @Inject
    Memberships rights;

    @Transactional
    public User create(UserInput in, String password) {
        currentUser.requireSystemAdmin();
        Errors errors = new Errors();
        String username = in.username() == null ? null : in.username().strip().toLowerCase(Locale.ROOT);
        if (username == null || username.isEmpty()) {
            errors.add("username", "error.required");
        } else if (username.length() < USERNAME_MIN || username.length() > USERNAME_MAX
                || !USERNAME.matcher(username).matches()) {
            errors.add("username", "user.error.username");
        } else if (User.findByUsername(username).isPresent()) {
            errors.add("username", "user.error.username.taken");
        }
        validateDetails(in, errors);
        validatePassword("password", password, username, errors);
        Memberships.Resolved resolved = rights.resolve(in, errors, true);
        errors.throwIfAny();

        User u = new User();
        u.username = username;
        u.displayName = in.displayName().strip();
        u.email = blankToNull(in.email());
        u.active = in.active() == null || in.active();
        u.createdAt = Instant.now();
        u.passwordHash = BcryptUtil.bcryptHash(password);
        u.persist();
        rights.apply(u, resolved);
        LOG.infof("User '%s' created with roles %s", u.username, u.securityRoles());
        return u;
    }

    @Transactional
    public User update(Long id, UserInput in, User actor) {
        currentUser.requireSystemAdmin();
        User u = get(id);
        if (in.version() != null && in.version() != u.version) {
            throw new OptimisticLockException();
        }
        Errors errors = new Errors();
        if (in.username() != null && !in.username().isBlank() && !in.username().strip().equalsIgnoreCase(u.username)) {
            errors.add("username", "user.error.username.fixed");
        }
        validateDetails(in, errors);
        boolean active = in.active() == null || in.active();
        Memberships.Resolved resolved = rights.resolve(in, errors, false);
        String rightsField = in.memberships() != null || in.systemAdmin() != null ? "systemAdmin" : "role";
        if (actor != null && actor.id.equals(u.id)) {
            if (!active) {
                errors.add("active", "user.error.self.deactivate");
            }
            if (resolved != null && u.systemAdmin && !resolved.systemAdmin()) {
                errors.add(rightsField, "user.error.self.demote");
            }
        }
        if (!errors.has("active")) {
            rights.checkAdminsKept(u, resolved == null ? Memberships.roles(u) : resolved.roles(), active,
                    resolved == null || !active ? "active" : in.memberships() != null ? "memberships" : "role", errors);
        }
        errors.throwIfAny();

        u.displayName = in.displayName().strip();
        u.email = blankToNull(in.email());
        Set<String> before = u.securityRoles();
        if (resolved != null) {
            rights.apply(u, resolved);
        }
        if (!before.equals(u.securityRoles()) || u.active != active) {
            LOG.infof("User '%s' changed: roles %s -> %s, active %s -> %s", u.username, before, u.securityRoles(),
                    u.active, active);
        }
        u.active = active;
        if (!active) {
            sessions.endAll(u.id);
        }
        return u;
    }

    @Transactional
    public User deactivate(Long id, User actor) {
        currentUser.requireSystemAdmin();
        User u = get(id);
        if (actor != null && actor.id.equals(u.id)) {
            throw ValidationException.of("active", "user.error.self.deactivate");
        }
        Errors errors = new Errors();
        rights.checkAdminsKept(u, Memberships.roles(u), false, "active", errors);
        errors.throwIfAny();
        if (u.active) {
            u.active = false;
            LOG.infof("User '%s' deactivated", u.username);
        }
        sessions.endAll(u.id);
        return u;
    }

    /** An admin sets a new password for a user (same rules as any password); all their sessions end. */
    @Transactional
    public User resetPassword(Long id, String password) {
        currentUser.requireSystemAdmin();
        User u = get(id);
        Errors errors = new Errors();
        validatePassword("password", password, u.username, errors);
        errors.throwIfAny();
        u.passwordHash = BcryptUtil.bcryptHash(password);
        sessions.endAll(u.id);
        LOG.infof("Password of user '%s' reset by an administrator", u.username);
        return u;
    }

    /**
     * An admin removes the local password of a user who signs in through the organisation (only then: the
     * user must not be left without a way in); all their sessions end.
     */
    @Transactional
    public User removePassword(Long id) {
        currentUser.requireSystemAdmin();
        User u = get(id);
        if (!u.hasOidcIdentity()) {
            throw ValidationException.of("password", "user.error.password.oidc");
        }
        if (u.hasPassword()) {
            u.passwordHash = null;
            sessions.endAll(u.id);
            LOG.infof("Local password of user '%s' removed by an administrator", u.username);
        }
        return u;
    }

    /**
     * A user changes their own password; the current one is required. Every other session of the user ends
     * ({@code keepSessionId}, the session making the change, stays).
     */
    @Transactional
    public void changeOwnPassword(Long userId, String current, String password, String repeat, Long keepSessionId) {
        User u = get(userId);
        Errors errors = new Errors();
        if (current == null || current.isEmpty()) {
            errors.add("currentPassword", "error.required");
        } else if (u.passwordHash == null || !BcryptUtil.matches(current, u.passwordHash)) {
            errors.add("currentPassword", "password.error.current");
        }
        validatePassword("newPassword", password, u.username, errors);
        if (repeat != null && password != null && !errors.has("newPassword") && !repeat.equals(password)) {
            errors.add("newPasswordRepeat", "password.error.repeat");
        }
        errors.throwIfAny();
        u.passwordHash = BcryptUtil.bcryptHash(password);
        sessions.endOthers(u.id, keepSessionId);
        LOG.infof("User '%s' changed their password", u.username);
    }

    static void validatePassword(String field, String password, String username, Errors errors) {
        if (password == null || password.isEmpty()) {
            errors.add(field, "error.required");
        } else if (password.length() < PASSWORD_MIN) {
            errors.add(field, "password.error.short", PASSWORD_MIN);
        } else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            errors.add(field, "password.error.long", PASSWORD_MAX_BYTES);
        } else if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
            errors.add(field, "password.error.username");
        }
    }

    private static void validateDetails(UserInput in, Errors errors) {
        if (in.displayName() == null || in.displayName().isBlank()) {
            errors.add("displayName", "error.required");
        } else if (in.displayName().strip().length() > TEXT_MAX) {
            errors.add("displayName", "error.toolong", TEXT_MAX);
        }
        String email = blankToNull(in.email());
        if (email != null && (email.length() > TEXT_MAX || !EMAIL.matcher(email).matches())) {
            errors.add("email", "user.error.email");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
