package no.hallingdal.jobbmal.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import no.hallingdal.jobbmal.demo.DemoSeed;
import no.hallingdal.jobbmal.project.Project;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * Demo data: one demo user per role, with passwords that are published in docs/security.md and are for
 * demonstration only. The lead users lead some of the demo projects. Existing users are left alone.
 */
@ApplicationScoped
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    /** username, display name, role, password (demo only!). */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"demo-admin", "Dagny Dagligleder", Role.ADMIN_CODE, "demo-passord-1"},
            new String[] {"demo-leder", "Per Prosjektleder", Role.LEAD_CODE, "demo-passord-2"},
            new String[] {"demo-leder2", "Lise Prosjektleder", Role.LEAD_CODE, "demo-passord-3"},
            new String[] {"demo-styret", "Siri Styreleder", Role.BOARD_CODE, "demo-passord-4"},
            new String[] {"demo-fylket", "Frode Fylkeskommune", Role.COUNTY_CODE, "demo-passord-5"});

    void seed(@Observes @Priority(DemoSeed.ACCOUNTS) DemoSeed seed) {
        User lead1 = null;
        User lead2 = null;
        for (String[] d : DEMO_USERS) {
            User u = User.findByUsername(d[0]).orElse(null);
            if (u == null) {
                u = new User();
                u.username = d[0];
                u.displayName = d[1];
                u.email = d[0] + "@example.org";
                u.active = true;
                u.createdAt = Instant.now();
                u.passwordHash = AccountService.hash(d[3]);
                if (Role.COUNTY_CODE.equals(d[2])) {
                    u.countyCode = seed.programme.countyCode;
                } else {
                    u.memberships.add(Membership.of(u, seed.programme.id,
                            no.hallingdal.jobbmal.common.CodedEnum.fromCode(Role.class, d[2]).orElseThrow()));
                }
                u.persist();
            }
            seed.users.add(u);
            if (lead1 == null && Role.LEAD_CODE.equals(d[2])) {
                lead1 = u;
            } else if (lead2 == null && Role.LEAD_CODE.equals(d[2])) {
                lead2 = u;
            }
        }
        // The first lead leads every third project, the second lead the next ones; some projects get both.
        List<Project> projects = seed.projects;
        for (int i = 0; i < projects.size(); i++) {
            Project p = projects.get(i);
            if (lead1 != null && i % 3 == 0) {
                p.leads.add(lead1);
            }
            if (lead2 != null && (i % 3 == 1 || i % 6 == 0)) {
                p.leads.add(lead2);
            }
        }
        LOG.infof("Demo users created: %d (passwords in docs/security.md, for demo use only)", DEMO_USERS.size());
    }
}
