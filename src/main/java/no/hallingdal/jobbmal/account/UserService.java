package no.hallingdal.jobbmal.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.CodedEnum;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.project.Project;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for user accounts, shared by the admin pages and the JSON API: create, edit (role, active
 * flag, projects led), reset a password, change one's own password. Users are deactivated, never
 * deleted. Only admins reach the admin operations (checked by the resources with {@code @RolesAllowed});
 * the rules that depend on who acts (an admin may not demote or deactivate themselves) are checked here.
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

    /** What an admin sets on a user. {@code active} null means true; {@code version} null skips the stale check. */
    public record UserInput(String username, String displayName, String email, String role, Boolean active,
            List<Long> projectIds, Long version) {
    }

    /** A user with the projects they lead, for lists. */
    public record UserSummary(User user, List<ProjectRef> projects) {
    }

    public record ProjectRef(Long id, String name) {
    }

    public List<User> listAll() {
        return User.list("order by lower(displayName), username");
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
        return listAll().stream().map(u -> new UserSummary(u, led.getOrDefault(u.id, List.of()))).toList();
    }

    public List<ProjectRef> projectsLedBy(Long userId) {
        return Project.getEntityManager().createQuery(
                "select p.id, p.name from Project p join p.leads u where u.id = :id order by p.name", Object[].class)
                .setParameter("id", userId).getResultList().stream()
                .map(r -> new ProjectRef((Long) r[0], (String) r[1])).toList();
    }

    public List<ProjectRef> allProjects() {
        return Project.getEntityManager().createQuery("select p.id, p.name from Project p order by p.name", Object[].class)
                .getResultList().stream().map(r -> new ProjectRef((Long) r[0], (String) r[1])).toList();
    }

    @Inject
    SessionService sessions;

    @Transactional
    public User create(UserInput in, String password) {
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
        Set<Project> projects = projects(in, errors);
        errors.throwIfAny();

        User u = new User();
        u.username = username;
        u.displayName = in.displayName().strip();
        u.email = blankToNull(in.email());
        u.role = in.role();
        u.active = in.active() == null || in.active();
        u.createdAt = Instant.now();
        u.passwordHash = BcryptUtil.bcryptHash(password);
        u.persist();
        setProjectsLed(u, projects);
        LOG.infof("User '%s' created with role %s", u.username, u.role);
        return u;
    }

    @Transactional
    public User update(Long id, UserInput in, User actor) {
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
        if (actor != null && actor.id.equals(u.id)) {
            if (!active) {
                errors.add("active", "user.error.self.deactivate");
            }
            if (in.role() != null && !Role.ADMIN_CODE.equals(in.role()) && u.hasRole(Role.ADMIN)) {
                errors.add("role", "user.error.self.demote");
            }
        }
        Set<Project> projects = projects(in, errors);
        errors.throwIfAny();

        u.displayName = in.displayName().strip();
        u.email = blankToNull(in.email());
        if (!u.role.equals(in.role()) || u.active != active) {
            LOG.infof("User '%s' changed: role %s -> %s, active %s -> %s", u.username, u.role, in.role(), u.active, active);
        }
        u.role = in.role();
        u.active = active;
        setProjectsLed(u, projects);
        if (!active) {
            sessions.endAll(u.id);
        }
        return u;
    }

    @Transactional
    public User deactivate(Long id, User actor) {
        User u = get(id);
        if (actor != null && actor.id.equals(u.id)) {
            throw ValidationException.of("active", "user.error.self.deactivate");
        }
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
        if (in.role() == null || in.role().isBlank()) {
            errors.add("role", "error.required");
        } else if (CodedEnum.fromCode(Role.class, in.role()).isEmpty()) {
            errors.add("role", "user.error.role");
        }
    }

    /** The projects to lead; only a lead leads projects, for other roles the list must be empty. */
    private static Set<Project> projects(UserInput in, Errors errors) {
        Set<Project> result = new LinkedHashSet<>();
        if (in.projectIds() == null || in.projectIds().isEmpty()) {
            return result;
        }
        if (!Role.LEAD_CODE.equals(in.role())) {
            errors.add("projects", "user.error.projects.lead");
            return result;
        }
        for (Long pid : in.projectIds()) {
            Project p = pid == null ? null : Project.findById(pid);
            if (p == null) {
                errors.add("projects", "user.error.projects.unknown", pid);
            } else {
                result.add(p);
            }
        }
        return result;
    }

    private static void setProjectsLed(User u, Set<Project> wanted) {
        List<Project> current = Project.list("select p from Project p join p.leads l where l.id = ?1", u.id);
        for (Project p : current) {
            if (!wanted.contains(p)) {
                p.leads.remove(u);
            }
        }
        for (Project p : wanted) {
            p.leads.add(u);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
