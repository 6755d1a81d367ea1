package no.hallingdal.jobbmal.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.result.ResultSums;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Writes projects and results straight into the tables, for tests of read-only features. */
public final class Fixture {

    private final EntityManager em;

    public Fixture(EntityManager em) {
        this.em = em;
    }

    /**
     * What the services do after every write: tells cached figures the data changed (common.DataVersion) and
     * brings the figures' aggregate up to date with results written past the services (result.ResultSums).
     * Call inside the transaction that wrote.
     */
    public static void dataChanged(EntityManager em) {
        em.createNativeQuery("UPDATE data_version SET version_number = version_number + 1 WHERE slot = 0").executeUpdate();
        ResultSums sums = io.quarkus.arc.Arc.container().instance(ResultSums.class).get();
        for (Object id : em.createNativeQuery("SELECT id FROM programme").getResultList()) {
            sums.repair(((Number) id).longValue());
        }
    }

    public long adminId() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT id FROM app_user WHERE username = 'admin'").getSingleResult()).longValue());
    }

    /** The programme a database starts with: Sats på Hallingdal. */
    public static Programme seededProgramme() {
        return QuarkusTransaction.joiningExisting().call(() -> Programme.findByCode(SEEDED).orElseThrow());
    }

    /** The code of the programme a database starts with. */
    public static final String SEEDED = "sats-pa-hallingdal";

    /** SQL: the id of the seeded programme's focus area with code {@code ?}. */
    static final String FOCUS_AREA_ID = "(SELECT f.id FROM focus_area f JOIN programme p ON p.id = f.programme_id"
            + " WHERE p.code = '" + SEEDED + "' AND f.code = %s)";

    /** SQL: the id of the seeded programme. */
    static final String PROGRAMME_ID = "(SELECT id FROM programme WHERE code = '" + SEEDED + "')";

    /**
     * Gives a new user the wave-1 role {@code role} in the seeded programme: a membership, or its county for
     * {@code county}; an admin also runs the instance (a system administrator), as in wave 1.
     */
    public static void giveRole(no.hallingdal.jobbmal.account.User u, String role) {
        Programme programme = seededProgramme();
        if (no.hallingdal.jobbmal.account.Role.COUNTY_CODE.equals(role)) {
            u.countyCode = programme.countyCode;
        } else {
            u.memberships.add(no.hallingdal.jobbmal.account.Membership.of(u, programme.id,
                    no.hallingdal.jobbmal.common.CodedEnum.fromCode(no.hallingdal.jobbmal.account.Role.class, role)
                            .orElseThrow()));
        }
        u.systemAdmin = no.hallingdal.jobbmal.account.Role.ADMIN_CODE.equals(role);
    }

    /** The progress scope of the seeded programme's first period (2022–2024), with these filters. */
    public static no.hallingdal.jobbmal.dashboard.ProgressFilter progressFilter(Integer year, String municipality,
            String focusArea, Long project) {
        return new no.hallingdal.jobbmal.dashboard.ProgressFilter(seededProgramme().id, 1, year, municipality, focusArea,
                project);
    }

    public long project(String name, String focusArea, String expected) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                    INSERT INTO project (name, programme_id, focus_area_id, project_owner, phase, status, start_date,
                      end_date, expected_new_jobs, created_at, updated_at, version)
                    VALUES (?1, %s, %s, 'Eier AS', 'hovedprosjekt', 'active', DATE '2022-01-01', DATE '2024-12-31', ?3,
                      CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""".formatted(PROGRAMME_ID, FOCUS_AREA_ID.formatted("?2")))
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
                    INSERT INTO result (project_id, programme_id, municipality_code, focus_area_id, result_date,
                      result_year, kind, amount, women, men, company_name, org_number, evidence, status, registered_by,
                      registered_at, approved_by, approved_at, updated_at, version)
                    VALUES (?1, (SELECT programme_id FROM project WHERE id = ?1), ?2, %s, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                      ?11, ?12, ?13, ?14, CURRENT_TIMESTAMP, ?15, ?16, CURRENT_TIMESTAMP, 0)"""
                    .formatted(FOCUS_AREA_ID.formatted("?3")))
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
