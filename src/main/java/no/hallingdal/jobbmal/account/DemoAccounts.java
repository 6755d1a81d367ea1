package no.hallingdal.jobbmal.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import no.hallingdal.jobbmal.demo.DemoSeed;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Demo data: demo users for every role in the demo's two programmes, with passwords that are published in README
 * and docs/security.md and are for demonstration only. The leads lead some of their programme's demo projects.
 * Existing users are left alone.
 */
@ApplicationScoped
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    /**
     * A demo user: role in Sats på Hallingdal ({@code main}) and in the Numedal demo programme ({@code second}),
     * null for none; {@code county}: reads every programme of Sats på Hallingdal's county.
     */
    record DemoUser(String username, String displayName, String password, Role main, Role second, boolean county,
            boolean systemAdmin) {
    }

    /** The demo users (passwords: demo only!). demo-leder leads projects in both programmes. */
    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("demo-admin", "Dagny Dagligleder", "demo-passord-1", Role.ADMIN, null, false, false),
            new DemoUser("demo-leder", "Per Prosjektleder", "demo-passord-2", Role.LEAD, Role.LEAD, false, false),
            new DemoUser("demo-leder2", "Lise Prosjektleder", "demo-passord-3", Role.LEAD, null, false, false),
            new DemoUser("demo-styret", "Siri Styreleder", "demo-passord-4", Role.BOARD, null, false, false),
            new DemoUser("demo-fylket", "Frode Fylkeskommune", "demo-passord-5", null, null, true, false),
            new DemoUser("demo-admin-numedal", "Nils Dagligleder", "demo-passord-6", null, Role.ADMIN, false, false),
            new DemoUser("demo-leder-numedal", "Kari Prosjektleder", "demo-passord-7", null, Role.LEAD, false, false),
            new DemoUser("demo-sysadmin", "Sigrid Systemansvarlig", "demo-passord-8", null, null, false, true));

    void seed(@Observes @Priority(DemoSeed.ACCOUNTS) DemoSeed seed) {
        Optional<Programme> second = seed.second();
        for (DemoUser d : DEMO_USERS) {
            User u = User.findByUsername(d.username()).orElse(null);
            if (u == null) {
                u = new User();
                u.username = d.username();
                u.displayName = d.displayName();
                u.email = d.username() + "@example.org";
                u.active = true;
                u.createdAt = Instant.now();
                u.passwordHash = AccountService.hash(d.password());
                u.countyCode = d.county() ? seed.main().countyCode : null;
                u.systemAdmin = d.systemAdmin();
                if (d.main() != null) {
                    u.memberships.add(Membership.of(u, seed.main().id, d.main()));
                }
                if (d.second() != null && second.isPresent()) {
                    u.memberships.add(Membership.of(u, second.get().id, d.second()));
                }
                u.persist();
            }
            seed.users.add(u);
        }
        for (Programme p : seed.programmes) {
            linkLeads(p, seed.projectsOf(p), seed.users);
        }
        LOG.infof("Demo users created: %d (passwords in docs/security.md, for demo use only)", DEMO_USERS.size());
    }

    /**
     * The programme's first demo lead leads every third of its projects, the second the next ones; some projects
     * get both, and every third after those none (the admin registers for them).
     */
    private static void linkLeads(Programme programme, List<Project> projects, List<User> users) {
        List<User> leads = users.stream().filter(u -> u.is(Role.LEAD, programme.id)).toList();
        User lead1 = leads.isEmpty() ? null : leads.get(0);
        User lead2 = leads.size() < 2 ? null : leads.get(1);
        for (int i = 0; i < projects.size(); i++) {
            Project p = projects.get(i);
            if (lead1 != null && i % 3 == 0) {
                p.leads.add(lead1);
            }
            if (lead2 != null && (i % 3 == 1 || i % 6 == 0)) {
                p.leads.add(lead2);
            }
        }
    }
}
