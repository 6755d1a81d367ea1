package no.hallingdal.jobbmal.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.account.Membership;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.AnnualTarget;
import no.hallingdal.jobbmal.programme.Period;
import no.hallingdal.jobbmal.programme.Programme;

import java.time.LocalDate;
import java.time.Instant;

/**
 * A second programme for a test, written straight into the tables, and removed again afterwards (the rest of the
 * suite expects the seeded programme to be the only one: the wave-1 calls need that). Programmes are never deleted
 * by the application; only tests do it, here.
 */
public final class TestProgrammes {

    private TestProgrammes() {
    }

    /**
     * A programme in Buskerud (Flesberg, Rollag) with one focus area {@code naering} and one period 2025–2027, goal
     * 60, annual targets 20 each; its id.
     */
    public static long create(String code) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Programme p = new Programme();
            p.code = code;
            p.name = "Testprogram " + code;
            p.region = "Numedal";
            p.owner = "Numedal næringsforum";
            p.countyCode = "33";
            p.countyName = "Buskerud fylkeskommune";
            p.municipalities.add(Municipality.findById("3334"));
            p.municipalities.add(Municipality.findById("3336"));
            p.persist();
            Period period = new Period();
            period.programme = p;
            period.name = "Periode 1";
            period.startDate = LocalDate.of(2025, 1, 1);
            period.endDate = LocalDate.of(2027, 12, 31);
            period.goal = 60;
            period.persist();
            p.periods.add(period);
            for (int y = 2025; y <= 2027; y++) {
                AnnualTarget t = new AnnualTarget();
                t.period = period;
                t.year = y;
                t.target = 20;
                t.persist();
                period.annualTargets.add(t);
            }
            FocusArea f = new FocusArea();
            f.programmeId = p.id;
            f.code = "naering";
            f.nameNb = "Næringsutvikling";
            f.nameEn = "Business development";
            f.sortOrder = 1;
            f.persist();
            Fixture.dataChanged(Programme.getEntityManager());
            return p.id;
        });
    }

    /** A user (made when missing) who is a member of only this programme, with {@code role}; their id. */
    public static long member(String username, String code, String role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Programme p = Programme.findByCode(code).orElseThrow();
            User u = User.findByUsername(username).orElse(null);
            if (u == null) {
                u = new User();
                u.username = username;
                u.displayName = username;
                u.active = true;
                u.createdAt = Instant.now();
                u.persist();
            }
            u.memberships.clear();
            u.systemAdmin = false;
            u.countyCode = null;
            Programme.getEntityManager().flush();
            u.memberships.add(Membership.of(u, p.id, no.hallingdal.jobbmal.common.CodedEnum
                    .fromCode(Role.class, role).orElseThrow()));
            return u.id;
        });
    }

    /** Removes the programme and everything of it (no-op when it does not exist). */
    public static void remove(String code) {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Programme.getEntityManager();
            Programme p = Programme.findByCode(code).orElse(null);
            if (p == null) {
                return;
            }
            long id = p.id;
            em.clear();
            String period = "(SELECT id FROM period WHERE programme_id = ?1)";
            for (String sql : new String[] {
                    "DELETE FROM change_field WHERE event_id IN (SELECT id FROM change_event WHERE programme_id = ?1)",
                    "DELETE FROM change_event WHERE programme_id = ?1",
                    "DELETE FROM membership WHERE programme_id = ?1",
                    "DELETE FROM project_lead WHERE project_id IN (SELECT id FROM project WHERE programme_id = ?1)",
                    "DELETE FROM project_municipality WHERE project_id IN (SELECT id FROM project WHERE programme_id = ?1)",
                    "DELETE FROM project WHERE programme_id = ?1",
                    "DELETE FROM annual_target WHERE period_id IN " + period,
                    "DELETE FROM focus_area_target WHERE period_id IN " + period,
                    "DELETE FROM period WHERE programme_id = ?1",
                    "DELETE FROM focus_area WHERE programme_id = ?1",
                    "DELETE FROM programme_municipality WHERE programme_id = ?1",
                    "DELETE FROM year_lock WHERE programme_id = ?1",
                    "DELETE FROM mail_outbox WHERE programme_id = ?1",
                    "DELETE FROM deadline WHERE programme_id = ?1",
                    "DELETE FROM programme WHERE id = ?1"}) {
                em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
            }
            Fixture.dataChanged(em);
        });
    }
}
