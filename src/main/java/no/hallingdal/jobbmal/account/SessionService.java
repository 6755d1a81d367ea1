package no.hallingdal.jobbmal.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.common.UnavailableException;
import no.hallingdal.jobbmal.common.WritableStorage;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Server-side login sessions (docs/security.md, "Sessions"): a row in {@code user_session} per login, found
 * by the SHA-256 hash of the cookie's random token. A session ends at logout, after the idle timeout, after
 * the absolute lifetime, and when the rules of {@link UserService} say so (password changes, deactivation).
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    /** {@code last_seen_at} is written when older than this, so a page view rarely writes to the database. */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** 32 random bytes (256 bits), base64url without padding. */
    static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    JobbmalConfig config;

    @Inject
    LoginGuard guard;

    @Inject
    WritableStorage storage;

    /** A new session: the token goes into the cookie and is never stored. */
    public record Started(String token, Long sessionId) {
    }

    /** One of a user's sessions, for the list on Min konto. */
    public record SessionView(Long id, Instant createdAt, Instant lastSeenAt, String browser, String method,
            boolean current) {
    }

    /** A form login: the password check with its lockout ({@link LoginGuard}), then a new session. */
    public Optional<Started> passwordLogin(String username, String password, String userAgent) {
        requireWritable(); // before the password is looked at: attempts cannot be counted either
        LoginGuard.Outcome outcome = guard.serialized(username, password == null ? new char[0] : password.toCharArray());
        if (outcome.identity() == null) {
            return Optional.empty();
        }
        return Optional.of(start(outcome.userId(), UserSession.METHOD_PASSWORD, userAgent, null));
    }

    /** Opens a session for a user who has just proved who they are; expired sessions are cleaned up first. */
    @ActivateRequestContext
    @Transactional
    public Started start(Long userId, String method, String userAgent, String providerLogoutUrl) {
        requireWritable();
        Instant now = Instant.now();
        deleteExpired(now);
        String token = newToken();
        UserSession s = new UserSession();
        s.tokenHash = hash(token);
        s.user = User.findById(userId);
        s.method = method;
        s.createdAt = now;
        s.lastSeenAt = now;
        s.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length()));
        s.providerLogoutUrl = providerLogoutUrl;
        s.persist();
        return new Started(token, s.id);
    }

    /**
     * The identity of a session cookie's token, or null when there is no such session, it has expired, or its
     * user is no longer active. Rights are read from the user row on every request, so a change of role
     * applies at the next request on every instance.
     */
    @ActivateRequestContext
    @Transactional
    public SecurityIdentity restore(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return null;
        }
        // the user with their memberships: the identity carries their rights (one query per request)
        UserSession s = UserSession.<UserSession>find("from UserSession s join fetch s.user u"
                + " left join fetch u.memberships where s.tokenHash = ?1", hash(token)).singleResultOptional()
                .orElse(null);
        if (s == null) {
            return null;
        }
        Instant now = Instant.now();
        // a read must not write while the disk is full: H2 would close the database (StorageGuard)
        boolean canWrite = storage.writable();
        if (isExpired(s, now) || !s.user.active) {
            if (canWrite) {
                s.delete();
            }
            return null;
        }
        if (canWrite && s.lastSeenAt.isBefore(now.minus(TOUCH_INTERVAL))) {
            s.lastSeenAt = now;
        }
        return LoginGuard.identity(s.user, s.id);
    }

    /** A session is a row: with a full disk it cannot be stored (and a write would make H2 close the database). */
    private void requireWritable() {
        if (!storage.writable()) {
            throw new UnavailableException("error.unavailable.storage");
        }
    }

    /** Ends the session of this token; returns the identity provider's logout address when it has one. */
    @ActivateRequestContext
    @Transactional
    public Optional<String> logout(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        UserSession s = UserSession.<UserSession>find("tokenHash", hash(token)).firstResult();
        if (s == null) {
            return Optional.empty();
        }
        if (!storage.writable()) {
            // the cookie is cleared; the row ends with its idle timeout (a write now would close H2's database)
            LOG.warnf("Session %d: logout while the disk is full; the session ends at its idle timeout", s.id);
            return Optional.ofNullable(s.providerLogoutUrl);
        }
        s.delete();
        LOG.infof("Session %d ended by logout", s.id);
        return Optional.ofNullable(s.providerLogoutUrl);
    }

    /** The user's sessions that have not expired, the most recently used first. */
    @Transactional
    public List<SessionView> list(Long userId, Long currentSessionId) {
        Instant now = Instant.now();
        List<UserSession> sessions = UserSession.list("user.id = ?1 order by lastSeenAt desc, id desc", userId);
        return sessions.stream().filter(s -> !isExpired(s, now))
                .map(s -> new SessionView(s.id, s.createdAt, s.lastSeenAt, Browsers.describe(s.userAgent), s.method,
                        s.id.equals(currentSessionId)))
                .toList();
    }

    /** Ends every session of the user except {@code keepSessionId} (null ends them all); returns how many. */
    @Transactional
    public long endOthers(Long userId, Long keepSessionId) {
        long n = keepSessionId == null
                ? UserSession.delete("user.id = ?1", userId)
                : UserSession.delete("user.id = ?1 and id <> ?2", userId, keepSessionId);
        if (n > 0) {
            LOG.infof("Ended %d session(s) of user id %d", n, userId);
        }
        return n;
    }

    /** Ends every session of the user. */
    @Transactional
    public long endAll(Long userId) {
        return endOthers(userId, null);
    }

    /** Deletes the rows of sessions past their idle timeout or absolute lifetime. */
    @Transactional
    public long deleteExpired(Instant now) {
        return UserSession.delete("lastSeenAt < ?1 or createdAt < ?2",
                now.minus(config.session().idleTimeout()), now.minus(config.session().absoluteTimeout()));
    }

    public Duration idleTimeout() {
        return config.session().idleTimeout();
    }

    public Duration absoluteTimeout() {
        return config.session().absoluteTimeout();
    }

    boolean isExpired(UserSession s, Instant now) {
        return !s.lastSeenAt.isAfter(now.minus(config.session().idleTimeout()))
                || !s.createdAt.isAfter(now.minus(config.session().absoluteTimeout()));
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a token: its SHA-256, hex. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
