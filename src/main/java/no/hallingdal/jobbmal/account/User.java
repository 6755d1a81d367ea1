package no.hallingdal.jobbmal.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user account. Passwords are stored only as bcrypt hashes (modular crypt format); a user who signs in
 * only through the organisation's identity provider has none. Users are deactivated, never deleted.
 */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase implements Rights {

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

    /** The user's roles in programmes (docs/rules.md, "Who may do what"). */
    @Roles
    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<Membership> memberships = new ArrayList<>();

    /** The county (fylkesnummer) whose programmes this user may read and export, or null. */
    @Column(name = "county_code", length = 2)
    public String countyCode;

    /** Whoever hosts the instance: creates programmes, manages users and reference data, sees everything. */
    @Column(name = "system_admin", nullable = false)
    public boolean systemAdmin;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** The user's membership in the programme, if any. */
    public Optional<Membership> membership(long programmeId) {
        return memberships.stream().filter(m -> m.programmeId == programmeId).findFirst();
    }

    /** The role the user holds in the programme through a membership, if any. */
    public Optional<Role> roleIn(long programmeId) {
        return membership(programmeId).map(Membership::roleValue);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** True once the user has signed in through the organisation's identity provider. */
    public boolean hasOidcIdentity() {
        return oidcSubject != null;
    }

    @Override
    public Optional<Role> membershipRole(long programmeId) {
        return roleIn(programmeId);
    }

    @Override
    public Set<Long> memberOf() {
        return membershipRoles().keySet();
    }

    @Override
    public String countyCode() {
        return countyCode;
    }

    @Override
    public boolean systemAdmin() {
        return systemAdmin;
    }

    /** The roles of the user's memberships by programme id. */
    public Map<Long, String> membershipRoles() {
        Map<Long, String> m = new HashMap<>();
        memberships.forEach(x -> m.put(x.programmeId, x.role));
        return m;
    }

    /** Whether the user is a member of the programme with this role. */
    public boolean is(Role role, long programmeId) {
        return roleIn(programmeId).map(r -> r == role).orElse(false);
    }

    /** Every role the user holds anywhere (memberships, county), as security roles. */
    public Set<String> securityRoles() {
        Set<String> roles = new TreeSet<>();
        memberships.forEach(m -> roles.add(m.role));
        if (countyCode != null) {
            roles.add(Role.COUNTY_CODE);
        }
        if (systemAdmin) {
            roles.add(Role.SYSTEM_ADMIN_CODE);
        }
        return roles;
    }

    public static Optional<User> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        // with the memberships: the user's rights are read after the transaction that loaded them has ended
        return find("select u from User u left join fetch u.memberships where lower(u.username) = ?1",
                username.trim().toLowerCase()).singleResultOptional();
    }
}
