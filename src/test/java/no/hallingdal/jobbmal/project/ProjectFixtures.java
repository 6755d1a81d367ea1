package no.hallingdal.jobbmal.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data for the project tests: unique names, users and projects made directly in the database. */
public final class ProjectFixtures {

    private ProjectFixtures() {
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static User user(String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        return QuarkusTransaction.requiringNew().call(() -> {
            User u = new User();
            u.username = username;
            u.displayName = "Test " + username;
            no.hallingdal.jobbmal.support.Fixture.giveRole(u, role);
            u.active = true;
            u.createdAt = Instant.now();
            u.passwordHash = "not-a-real-hash";
            u.persist();
            return u;
        });
    }

    /** The user with this username (as used in @TestSecurity), made when missing. */
    static User ensureUser(String username, String role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User u = User.findByUsername(username).orElse(null);
            if (u == null) {
                u = new User();
                u.username = username;
                u.displayName = "Test " + username;
                no.hallingdal.jobbmal.support.Fixture.giveRole(u, role);
                u.active = true;
                u.createdAt = Instant.now();
                u.passwordHash = "not-a-real-hash";
                u.persist();
            }
            return u;
        });
    }

    /** A project made directly in the database. */
    static long project(String name, String focusArea, List<String> municipalities, String status, String phase,
            String expected, Long leadId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Project p = new Project();
            p.name = name;
            p.description = "Testprosjekt";
            p.programme = no.hallingdal.jobbmal.support.Fixture.seededProgramme();
            p.focusArea = FocusArea.findByCode(p.programme.id, focusArea).orElseThrow();
            municipalities.forEach(c -> p.municipalities.add(Municipality.findById(c)));
            if (leadId != null) {
                p.leads.add(User.findById(leadId));
            }
            p.projectOwner = "Hallingdal Næringshage AS";
            p.phase = no.hallingdal.jobbmal.common.CodedEnum.fromCode(ProjectPhase.class, phase).orElseThrow();
            p.status = no.hallingdal.jobbmal.common.CodedEnum.fromCode(ProjectStatus.class, status).orElseThrow();
            p.startDate = LocalDate.of(2023, 2, 1);
            p.endDate = LocalDate.of(2024, 6, 30);
            p.expectedNewJobs = new BigDecimal(expected);
            p.grantedFunds = 1_250_000L;
            p.createdAt = Instant.now();
            p.updatedAt = p.createdAt;
            p.persist();
            no.hallingdal.jobbmal.support.Fixture.dataChanged(Project.getEntityManager());
            return p.id;
        });
    }

    static long countByOwner(String owner) {
        return QuarkusTransaction.requiringNew().call(() -> Project.count("projectOwner", owner));
    }

    static long countByName(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Project.count("name", name));
    }

    static Project load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Project p = Project.findById(id);
            p.municipalities.size();
            p.leads.size();
            p.focusArea.code.length();
            return p;
        });
    }

    /** A valid project form. */
    static Map<String, Object> form(String name, String owner) {
        Map<String, Object> f = new HashMap<>();
        f.put("name", name);
        f.put("description", "Kurs og rekruttering for reiselivet");
        f.put("focusArea", "kompetanse-rekruttering");
        f.put("municipalities", List.of("3326", "3324"));
        f.put("projectOwner", owner);
        f.put("phase", "hovedprosjekt");
        f.put("status", "active");
        f.put("startDate", "2023-03-01");
        f.put("endDate", "2024-12-31");
        f.put("expectedNewJobs", "12,5");
        f.put("grantedFunds", "1500000");
        return f;
    }

    /** A valid project JSON body. */
    public static Map<String, Object> json(String name, String owner) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", name);
        b.put("description", "Kurs og rekruttering for reiselivet");
        b.put("focusArea", "kompetanse-rekruttering");
        b.put("municipalities", List.of("3326", "3041"));
        b.put("projectOwner", owner);
        b.put("leads", List.of());
        b.put("phase", "hovedprosjekt");
        b.put("status", "active");
        b.put("startDate", "2023-03-01");
        b.put("endDate", "2024-12-31");
        b.put("expectedNewJobs", 12.5);
        b.put("grantedFunds", 1500000);
        return b;
    }
}
