package no.hallingdal.jobbmal.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One login session, kept in the database so that every instance sees it and logout really ends it. The
 * cookie carries a random token; only its SHA-256 hash is stored here ({@link SessionService}).
 */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    public static final String METHOD_PASSWORD = "password";
    public static final String METHOD_OIDC = "oidc";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    public String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User user;

    /** How the user signed in: {@value #METHOD_PASSWORD} or {@value #METHOD_OIDC}. */
    @Column(nullable = false, length = 10)
    public String method;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Written at most once a minute ({@link SessionService#TOUCH_INTERVAL}), not on every request. */
    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "user_agent", length = 300)
    public String userAgent;

    /** The identity provider's logout address for this sign-in (with its id_token_hint), when it has one. */
    @Column(name = "provider_logout_url", length = 8000)
    public String providerLogoutUrl;
}
