package no.hallingdal.jobbmal.support;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import no.hallingdal.jobbmal.account.User;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates real user accounts in tests and logs them in (form login or HTTP Basic). */
public final class Accounts {

    private Accounts() {
    }

    /** A username that no other test uses, e.g. {@code lead-1a2b3c4d}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates an active user with the wave-1 role in the seeded programme (county: its county; admin: also a system
     * administrator, as in wave 1); returns its id. The password is hashed with bcrypt like the real ones.
     */
    public static Long create(String username, String role, String password) {
        return create(username, username + " Testesen", role, password);
    }

    public static Long create(String username, String displayName, String role, String password) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User u = new User();
            u.username = username;
            u.displayName = displayName;
            Fixture.giveRole(u, role);
            u.active = true;
            u.createdAt = Instant.now();
            u.passwordHash = BcryptUtil.bcryptHash(password);
            u.persist();
            return u.id;
        });
    }

    public static void setActive(Long id, boolean active) {
        QuarkusTransaction.requiringNew().run(() -> {
            User u = User.findById(id);
            u.active = active;
        });
    }

    /** A minimal project (for linking leads), created directly in the database; returns its id. */
    public static Long project(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            no.hallingdal.jobbmal.project.Project p = new no.hallingdal.jobbmal.project.Project();
            p.name = name;
            p.programme = Fixture.seededProgramme();
            p.focusArea = no.hallingdal.jobbmal.municipality.FocusArea.findByCode(p.programme.id, "innovasjon")
                    .orElseThrow();
            p.projectOwner = "Testeier AS";
            p.phase = no.hallingdal.jobbmal.project.ProjectPhase.FORPROSJEKT;
            p.status = no.hallingdal.jobbmal.project.ProjectStatus.ACTIVE;
            p.startDate = java.time.LocalDate.of(2023, 1, 1);
            p.expectedNewJobs = java.math.BigDecimal.TEN;
            p.createdAt = Instant.now();
            p.updatedAt = Instant.now();
            p.persist();
            return p.id;
        });
    }

    /** Posts the login form; the answer is a redirect (to the page asked for, or to the error page). */
    public static Response formLogin(String username, String password) {
        return given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username)
                .formParam("j_password", password)
                .post("/j_security_check");
    }

    /** Logs in with the form and returns the session cookie's value; fails when the login fails. */
    public static String session(String username, String password) {
        Response r = formLogin(username, password);
        String cookie = r.getCookie("jobbmal-session");
        if (r.statusCode() != 302 || cookie == null || r.getHeader("Location").contains("error")) {
            throw new AssertionError("login failed for " + username + ": " + r.statusCode() + " " + r.getHeader("Location"));
        }
        return cookie;
    }
}
