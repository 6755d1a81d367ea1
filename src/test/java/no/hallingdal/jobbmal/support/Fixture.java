package no.hallingdal.jobbmal.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Writes projects and results straight into the tables, for tests of read-only features. */
public final class Fixture {

    private final EntityManager em;

    public Fixture(EntityManager em) {
        this.em = em;
    }

    /**
     * What the services do after every write (common.DataVersion): tells cached figures the data changed.
     * Call inside the transaction that wrote.
     */
    public static void dataChanged(EntityManager em) {
        em.createNativeQuery("UPDATE data_version SET version_number = version_number + 1 WHERE slot = 0").executeUpdate();
    }

    public long adminId() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT id FROM app_user WHERE username = 'admin'").getSingleResult()).longValue());
    }

    public long project(String name, String focusArea, String expected) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                    INSERT INTO project (name, focus_area_code, project_owner, phase, status, start_date, end_date,
                      expected_new_jobs, created_at, updated_at, version)
                    VALUES (?1, ?2, 'Eier AS', 'hovedprosjekt', 'active', DATE '2022-01-01', DATE '2024-12-31', ?3,
                      CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""")
                    .setParameter(1, name).setParameter(2, focusArea).setParameter(3, new BigDecimal(expected))
                    .executeUpdate();
            dataChanged(em);
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM project").getSingleResult()).longValue();
        });
    }

    /** A result; company, org number and evidence may be null (evidence then "bekreftelse"). */
    public long result(long project, String municipality, String focusArea, String date, String kind, String amount,
            String women, String men, String status, String company, String orgNumber, String evidence) {
        long by = adminId();
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                    INSERT INTO result (project_id, municipality_code, focus_area_code, result_date, result_year, kind,
                      amount, women, men, company_name, org_number, evidence, status, registered_by, registered_at,
                      approved_by, approved_at, updated_at, version)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, CURRENT_TIMESTAMP,
                      ?15, ?16, CURRENT_TIMESTAMP, 0)""")
                    .setParameter(1, project).setParameter(2, municipality).setParameter(3, focusArea)
                    .setParameter(4, LocalDate.parse(date)).setParameter(5, LocalDate.parse(date).getYear())
                    .setParameter(6, kind).setParameter(7, new BigDecimal(amount))
                    .setParameter(8, women == null ? null : new BigDecimal(women))
                    .setParameter(9, men == null ? null : new BigDecimal(men))
                    .setParameter(10, company).setParameter(11, orgNumber)
                    .setParameter(12, evidence == null ? "bekreftelse" : evidence)
                    .setParameter(13, status).setParameter(14, by)
                    .setParameter(15, "APPROVED".equals(status) ? by : null)
                    .setParameter(16, "APPROVED".equals(status) ? java.time.OffsetDateTime.now() : null)
                    .executeUpdate();
            dataChanged(em);
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM result").getSingleResult()).longValue();
        });
    }
}
