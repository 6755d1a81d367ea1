package no.hallingdal.jobbmal.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One login attempt (form or Basic) for a username, kept for the lockout rule; shared by all instances. */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The username as typed, trimmed and lower-cased (whether or not such a user exists). */
    @Column(nullable = false, length = 60)
    public String username;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(nullable = false)
    public boolean success;

    public static LoginAttempt record(String username, boolean success, Instant at) {
        LoginAttempt a = new LoginAttempt();
        a.username = username;
        a.success = success;
        a.attemptedAt = at;
        a.persist();
        return a;
    }
}
