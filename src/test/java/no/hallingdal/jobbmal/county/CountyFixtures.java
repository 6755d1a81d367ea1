package no.hallingdal.jobbmal.county;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.support.Fixture;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Programmes of other counties than the seeded one, with periods, a project and results, written straight into the
 * tables; and county users. The test database is shared and many tests rely on the instance having one programme
 * (the wave-1 URLs): {@link #close()} deletes every programme made here, with its rows, at the end of the test.
 */
final class CountyFixtures implements AutoCloseable {

    private final EntityManager em;
    private final List<Long> programmes = new ArrayList<>();
    /** A suffix that makes this run's codes and names unique. */
    final String run = UUID.randomUUID().toString().substring(0, 8);

    CountyFixtures(EntityManager em) {
        this.em = em;
    }

    /** A period: name, dates (yyyy-MM-dd) and goal. */
    record PeriodSpec(String name, String start, String end, int goal) {
    }

    /** A programme in county {@code county} with one focus area ({@code innovasjon}), Rollag, and the periods. */
    long programme(String code, String name, String county, PeriodSpec... periods) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO programme (code, name, region, owner_name, county_code, county_name, version)"
                    + " VALUES (?1, ?2, 'Testregion', 'Testeier', ?3, ?4, 0)")
                    .setParameter(1, code).setParameter(2, name).setParameter(3, county)
                    .setParameter(4, "Testfylke " + county).executeUpdate();
            long p = ((Number) em.createNativeQuery("SELECT id FROM programme WHERE code = ?1").setParameter(1, code)
                    .getSingleResult()).longValue();
            em.createNativeQuery("INSERT INTO programme_municipality (programme_id, municipality_code) VALUES (?1, '3336')")
                    .setParameter(1, p).executeUpdate();
            em.createNativeQuery("INSERT INTO focus_area (programme_id, code, name_nb, name_en, sort_order)"
                    + " VALUES (?1, 'innovasjon', 'Innovasjon', 'Innovation', 1)").setParameter(1, p).executeUpdate();
            for (PeriodSpec s : periods) {
                em.createNativeQuery("INSERT INTO period (programme_id, name, start_date, end_date, goal)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, p).setParameter(2, s.name())
                        .setParameter(3, LocalDate.parse(s.start())).setParameter(4, LocalDate.parse(s.end()))
                        .setParameter(5, s.goal()).executeUpdate();
            }
            Fixture.dataChanged(em);
            return p;
        });
        programmes.add(id);
        return id;
    }

    /** A project of the programme, in Rollag. */
    long project(long programme) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                    INSERT INTO project (name, programme_id, focus_area_id, project_owner, phase, status, start_date,
                      expected_new_jobs, created_at, updated_at, version)
                    VALUES (?1, ?2, (SELECT id FROM focus_area WHERE programme_id = ?2 AND code = 'innovasjon'),
                      'Eier AS', 'hovedprosjekt', 'active', DATE '2019-01-01', 10, CURRENT_TIMESTAMP,
                      CURRENT_TIMESTAMP, 0)""").setParameter(1, "Fylkesprosjekt " + run + " " + programme)
                    .setParameter(2, programme).executeUpdate();
            Fixture.dataChanged(em);
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM project WHERE programme_id = ?1")
                    .setParameter(1, programme).getSingleResult()).longValue();
        });
    }

    /** A result of the project: kind NEW_JOBS unless given, dated, with an amount and a status. */
    void result(long project, String date, String amount, String status) {
        result(project, date, "NEW_JOBS", amount, status);
    }

    void result(long project, String date, String kind, String amount, String status) {
        QuarkusTransaction.requiringNew().run(() -> {
            long by = ((Number) em.createNativeQuery("SELECT id FROM app_user WHERE username = 'admin'")
                    .getSingleResult()).longValue();
            em.createNativeQuery("""
                    INSERT INTO result (project_id, programme_id, municipality_code, focus_area_id, result_date,
                      result_year, kind, amount, evidence, status, registered_by, registered_at, updated_at, version)
                    VALUES (?1, (SELECT programme_id FROM project WHERE id = ?1), '3336',
                      (SELECT focus_area_id FROM project WHERE id = ?1), ?2, ?3, ?4, ?5, 'bekreftelse', ?6, ?7,
                      CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""")
                    .setParameter(1, project).setParameter(2, LocalDate.parse(date))
                    .setParameter(3, LocalDate.parse(date).getYear()).setParameter(4, kind)
                    .setParameter(5, new BigDecimal(amount)).setParameter(6, status).setParameter(7, by)
                    .executeUpdate();
            Fixture.dataChanged(em);
        });
    }

    /** An active county user of {@code county} (no memberships); returns the username. */
    static String countyUser(String prefix, String county, String password) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            User u = new User();
            u.username = name;
            u.displayName = name + " Fylkesen";
            u.countyCode = county;
            u.active = true;
            u.createdAt = Instant.now();
            u.passwordHash = BcryptUtil.bcryptHash(password);
            u.persist();
        });
        return name;
    }

    /** Deletes the programmes made here and everything of theirs, so the instance has its one programme again. */
    @Override
    public void close() {
        if (programmes.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (String sql : List.of(
                    "DELETE FROM result WHERE programme_id IN (:p)",
                    "DELETE FROM result_sum WHERE programme_id IN (:p)",
                    "DELETE FROM project_municipality WHERE project_id IN (SELECT id FROM project WHERE programme_id IN (:p))",
                    "DELETE FROM project_lead WHERE project_id IN (SELECT id FROM project WHERE programme_id IN (:p))",
                    "DELETE FROM project WHERE programme_id IN (:p)",
                    "DELETE FROM focus_area_target WHERE period_id IN (SELECT id FROM period WHERE programme_id IN (:p))",
                    "DELETE FROM annual_target WHERE period_id IN (SELECT id FROM period WHERE programme_id IN (:p))",
                    "DELETE FROM period WHERE programme_id IN (:p)",
                    "DELETE FROM focus_area WHERE programme_id IN (:p)",
                    "DELETE FROM programme_municipality WHERE programme_id IN (:p)",
                    "DELETE FROM membership WHERE programme_id IN (:p)",
                    "DELETE FROM year_lock WHERE programme_id IN (:p)",
                    "DELETE FROM programme WHERE id IN (:p)")) {
                em.createNativeQuery(sql).setParameter("p", programmes).executeUpdate();
            }
            Fixture.dataChanged(em);
        });
        programmes.clear();
    }
}
