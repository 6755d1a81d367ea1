package no.hallingdal.jobbmal.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.WritableStorage;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a username and password (form login and HTTP Basic alike), applies the lockout rule and
 * records every attempt in {@code login_attempt}. Lockout: after {@value #MAX_FAILURES} failed attempts
 * for one username within {@link #WINDOW}, every attempt for it is refused for {@link #LOCK} after the
 * last of them — even with the right password — with the same answer as a wrong password, whether or
 * not the username exists. A successful login starts the count afresh. Refused attempts during a lock
 * are logged but not counted, so nobody can keep an account locked for longer than 15 minutes without
 * five new failures. Passwords are never logged.
 */
@ApplicationScoped
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class);

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);
    /** How long failed attempts stay in {@code login_attempt} (they are pruned at the user's next success). */
    public static final Duration KEEP = Duration.ofDays(30);
    /**
     * Checked for unknown users so timing does not tell them apart: a bcrypt hash (cost 10, like every
     * stored one) of two random UUIDs that were thrown away. A constant, because hashing it at start-up
     * cost a tenth of the start time; no password matches it that anyone knows.
     */
    private static final String DUMMY_HASH = "$2a$10$vDSOq761Jy/kqT9IN59Gk.lb43Jo8J2jcIY8keXZZvOvo4Ld7vHm2";

    /** While the disk is full or unwritable, attempts are logged but not recorded (a write would fail). */
    @Inject
    Instance<WritableStorage> storage;

    /** The result of a password check; {@code identity} and {@code userId} are null when the login is refused. */
    public record Outcome(SecurityIdentity identity, Long userId, String reason) {
    }

    /** Identity attribute with the id of the login session ({@code user_session.id}); absent for HTTP Basic. */
    public static final String SESSION_ID = "jobbmal.sessionId";

    private static final java.util.concurrent.ConcurrentHashMap<String, Object> LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #login} for form and Basic logins alike, one check at a time per username (the lock covers the
     * commit of the attempt), so parallel requests cannot all slip under the lockout limit before any
     * failure is recorded. (ArC intercepts self-invocation, so {@link #login} runs in its own transaction.)
     */
    public Outcome serialized(String rawUsername, char[] password) {
        String key = normalize(rawUsername);
        Outcome outcome;
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            outcome = login(rawUsername, password);
        }
        if (LOCKS.size() > 10_000) {
            LOCKS.clear();
        }
        return outcome;
    }

    /** Checks a password login; never throws for a wrong password (the attempt must be committed). */
    @ActivateRequestContext
    @Transactional
    public Outcome login(String rawUsername, char[] password) {
        String username = normalize(rawUsername);
        Instant now = Instant.now();
        if (username.isEmpty()) {
            LOG.infof("Login failed: empty username");
            return new Outcome(null, null, "empty");
        }
        if (isLocked(username, now)) {
            LOG.warnf("Login refused for username '%s': locked after %d failed attempts", loggable(username),
                    MAX_FAILURES);
            return new Outcome(null, null, "locked");
        }
        Optional<User> user = User.findByUsername(username);
        String plain = new String(password);
        // A user without a local password (signs in through the organisation) is checked against the dummy
        // hash too, so the answer and its timing are those of a wrong password.
        String stored = user.map(u -> u.passwordHash).orElse(null);
        boolean passwordOk = BcryptUtil.matches(plain, stored == null ? DUMMY_HASH : stored) && stored != null;
        boolean ok = passwordOk && user.isPresent() && user.get().active;
        boolean record = !storage.isResolvable() || storage.get().writable();
        if (ok && record) {
            // Only the latest success matters (it resets the count), and API clients log in on every
            // call: keep one success row per username, and failures for KEEP (an audit trail).
            LoginAttempt.delete("username = ?1 and (success = true or attemptedAt < ?2)", username, now.minus(KEEP));
        }
        if (record) {
            LoginAttempt.record(username, ok, now);
        }
        if (!ok) {
            String reason = user.isEmpty() ? "unknown username" : !passwordOk ? "wrong password" : "inactive user";
            LOG.infof("Login failed for username '%s' (%s)", loggable(username), reason);
            return new Outcome(null, null, reason);
        }
        LOG.infof("Login succeeded for user '%s' (roles %s)", user.get().username, user.get().securityRoles());
        return new Outcome(identity(user.get(), null), user.get().id, null);
    }

    /** True when the username is locked at {@code now} (see the class comment). */
    public boolean isLocked(String username, Instant now) {
        Instant since = now.minus(WINDOW).minus(LOCK);
        Instant lastSuccess = LoginAttempt.find(
                "select max(a.attemptedAt) from LoginAttempt a where a.username = ?1 and a.success = true",
                username).project(Instant.class).firstResult();
        if (lastSuccess != null && lastSuccess.isAfter(since)) {
            since = lastSuccess;
        }
        List<Instant> failures = LoginAttempt.find(
                "select a.attemptedAt from LoginAttempt a where a.username = ?1 and a.success = false"
                        + " and a.attemptedAt > ?2 order by a.attemptedAt desc",
                username, since).project(Instant.class).page(0, MAX_FAILURES).list();
        if (failures.size() < MAX_FAILURES) {
            return false;
        }
        Instant newest = failures.get(0);
        Instant oldest = failures.get(MAX_FAILURES - 1);
        return Duration.between(oldest, newest).compareTo(WINDOW) <= 0 && now.isBefore(newest.plus(LOCK));
    }

    /**
     * The identity of a user: their security roles, their name and rights as attributes (CurrentUser, so pages
     * need no query), and the session id when there is one.
     */
    static SecurityIdentity identity(User user, Long sessionId) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.securityRoles())
                .addAttribute(CurrentUser.DISPLAY_NAME, user.displayName)
                .addAttribute(CurrentUser.MEMBERSHIPS, user.membershipRoles())
                .addAttribute(CurrentUser.SYSTEM_ADMIN, user.systemAdmin);
        if (user.countyCode != null) {
            b.addAttribute(CurrentUser.COUNTY, user.countyCode);
        }
        if (sessionId != null) {
            b.addAttribute(SESSION_ID, sessionId);
        }
        return b.build();
    }

    /** Usernames are compared case-insensitively; what is stored and logged is trimmed and lower-cased. */
    static String normalize(String username) {
        if (username == null) {
            return "";
        }
        String u = username.strip().toLowerCase(Locale.ROOT);
        return u.length() > 60 ? u.substring(0, 60) : u;
    }

    /** A username as typed is untrusted: keep log lines on one line and short. */
    static String loggable(String username) {
        return username.replaceAll("[^\\p{Alnum}._@-]", "?");
    }
}
