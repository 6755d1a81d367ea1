package no.hallingdal.jobbmal.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.hallingdal.jobbmal.common.CodedEnum;

import java.time.Instant;
import java.util.Optional;

/**
 * A user account. Passwords are stored only as bcrypt hashes (modular crypt format); a user who signs in
 * only through the organisation's identity provider has none. Users are deactivated, never deleted.
 */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    @Column(nullable = false, length = 60, unique = true)
    public String username;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    @Column(length = 200)
    public String email;

    @Password(PasswordType.MCF)
    /** Null when the user has no local password (signs in through the organisation only). */
    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    /** The identity provider (issuer) and its subject of the user's last sign-in through it; null if never. */
    @Column(name = "oidc_issuer", length = 500)
    public String oidcIssuer;

    @Column(name = "oidc_subject", length = 255)
    public String oidcSubject;

    @Column(name = "oidc_signed_in_at")
    public Instant oidcSignedInAt;

    /** The role code ({@link Role#code()}): admin, lead, board or county. */
    @Roles
    @Column(nullable = false, length = 20)
    public String role;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public Role roleValue() {
        return CodedEnum.fromCode(Role.class, role).orElseThrow();
    }

    /** The message key of the role's name, e.g. {@code role.lead}. */
    public String roleKey() {
        return "role." + role;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** True once the user has signed in through the organisation's identity provider. */
    public boolean hasOidcIdentity() {
        return oidcSubject != null;
    }

    public boolean hasRole(Role r) {
        return r.code().equals(role);
    }

    public static Optional<User> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return find("lower(username) = ?1", username.trim().toLowerCase()).firstResultOptional();
    }
}
