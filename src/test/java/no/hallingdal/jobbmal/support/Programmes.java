package no.hallingdal.jobbmal.support;

import io.quarkus.elytron.security.common.BcryptUtil;
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
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.project.ProjectPhase;
import no.hallingdal.jobbmal.project.ProjectStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Programmes besides the seeded one, with their periods, focus areas, projects, results and members, written
 * straight into the database for tests of scoping and periods. Use them only in a database of their own
 * ({@link SeveralProgrammes}): with a second programme the wave-1 URLs that name none answer 400.
 */
public final class Programmes {

    private Programmes() {
    }

    /** A period to create: its name, dates, goal and annual targets (year → target). */
    public record PeriodSpec(String name, LocalDate start, LocalDate end, int goal, Map<Integer, Integer> targets) {
        public static PeriodSpec of(String name, String start, String end, int goal, Map<Integer, Integer> targets) {
            return new PeriodSpec(name, LocalDate.parse(start), LocalDate.parse(end), goal, targets);
        }
    }

    /** A made programme: its id and code. */
    public record Made(long id, String code, String name) {
    }

    /** A code no other test uses, e.g. {@code andre-1a2b3c4d}. */
    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Adds a municipality to the reference list unless it is there (e.g. one outside Buskerud, for a programme of
     * another county).
     */
    public static void referenceMunicipality(String code, String name, int sortOrder) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Municipality.findById(code) == null) {
                Municipality m = new Municipality();
                m.code = code;
                m.name = name;
                m.sortOrder = sortOrder;
                m.persist();
            }
        });
    }

    /**
     * A programme with its municipalities (codes from the reference list), focus areas ({@code code} → Norwegian
     * name; the English name is made from it) and periods.
     */
    public static Made create(String code, String name, String countyCode, String countyName,
            List<String> municipalities, Map<String, String> focusAreas, List<PeriodSpec> periods) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Programme p = new Programme();
            p.code = code;
            p.name = name;
            p.region = name + " region";
            p.owner = name + " eier";
            p.countyCode = countyCode;
            p.countyName = countyName;
            for (String m : municipalities) {
                p.municipalities.add(Municipality.<Municipality>findByIdOptional(m).orElseThrow());
            }
            for (PeriodSpec s : periods) {
                Period pe = new Period();
                pe.programme = p;
                pe.name = s.name();
                pe.startDate = s.start();
                pe.endDate = s.end();
                pe.goal = s.goal();
                s.targets().forEach((year, target) -> {
                    AnnualTarget t = new AnnualTarget();
                    t.period = pe;
                    t.year = year;
                    t.target = target;
                    pe.annualTargets.add(t);
                });
                p.periods.add(pe);
            }
            p.persist();
            int order = 1;
            for (var f : focusAreas.entrySet()) {
                FocusArea fa = new FocusArea();
                fa.programmeId = p.id;
                fa.code = f.getKey();
                fa.nameNb = f.getValue();
                fa.nameEn = f.getValue() + " (en)";
                fa.sortOrder = order++;
                fa.persist();
            }
            Fixture.dataChanged(Programme.getEntityManager());
            return new Made(p.id, p.code, p.name);
        });
    }

    /** The seeded programme, Sats på Hallingdal. */
    public static Made seeded() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Programme p = Programme.findByCode(Fixture.SEEDED).orElseThrow();
            return new Made(p.id, p.code, p.name);
        });
    }

    /** A project of the programme (2022–2027, active, expecting {@code expected} new jobs) led by {@code leads}. */
    public static long project(long programmeId, String name, String focusArea, List<String> municipalities,
            String expected, Long... leads) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Project p = new Project();
            p.name = name;
            p.programme = Programme.findById(programmeId);
            p.focusArea = FocusArea.findByCode(programmeId, focusArea).orElseThrow();
            for (String m : municipalities) {
                p.municipalities.add(Municipality.<Municipality>findByIdOptional(m).orElseThrow());
            }
            for (Long lead : leads) {
                p.leads.add(User.findById(lead));
            }
            p.projectOwner = "Testeier AS";
            p.phase = ProjectPhase.HOVEDPROSJEKT;
            p.status = ProjectStatus.ACTIVE;
            p.startDate = LocalDate.of(2022, 1, 1);
            p.endDate = LocalDate.of(2027, 12, 31);
            p.expectedNewJobs = new BigDecimal(expected);
            p.createdAt = Instant.now();
            p.updatedAt = Instant.now();
            p.persist();
            Fixture.dataChanged(Programme.getEntityManager());
            return p.id;
        });
    }

    /** A result of the project in its programme (focus area: the project's), registered by the user {@code admin}. */
    public static long result(long project, String municipality, String date, String kind, String amount,
            String status) {
        return result(project, municipality, null, date, kind, amount, status, null);
    }

    /**
     * A result of the project; {@code focusArea} null for the project's, {@code orgNumber} may be null. An approved
     * one is approved by {@code admin}.
     */
    public static long result(long project, String municipality, String focusArea, String date, String kind,
            String amount, String status, String orgNumber) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Programme.getEntityManager();
            long by = ((Number) em.createNativeQuery("SELECT id FROM app_user WHERE username = 'admin'")
                    .getSingleResult()).longValue();
            LocalDate d = LocalDate.parse(date);
            em.createNativeQuery("""
                    INSERT INTO result (project_id, programme_id, municipality_code, focus_area_id, result_date,
                      result_year, kind, amount, company_name, org_number, evidence, status, registered_by,
                      registered_at, approved_by, approved_at, updated_at, version)
                    VALUES (?1, (SELECT programme_id FROM project WHERE id = ?1), ?2,
                      COALESCE((SELECT f.id FROM focus_area f JOIN project p ON p.programme_id = f.programme_id
                                WHERE p.id = ?1 AND f.code = ?3), (SELECT focus_area_id FROM project WHERE id = ?1)),
                      ?4, ?5, ?6, ?7, ?8, ?9, 'bekreftelse', ?10, ?11, CURRENT_TIMESTAMP, ?12, ?13, CURRENT_TIMESTAMP, 0)""")
                    .setParameter(1, project).setParameter(2, municipality).setParameter(3, focusArea)
                    .setParameter(4, d).setParameter(5, d.getYear()).setParameter(6, kind)
                    .setParameter(7, new BigDecimal(amount))
                    .setParameter(8, orgNumber == null ? null : "Bedrift " + orgNumber).setParameter(9, orgNumber)
                    .setParameter(10, status).setParameter(11, by)
                    .setParameter(12, "APPROVED".equals(status) ? by : null)
                    .setParameter(13, "APPROVED".equals(status) ? java.time.OffsetDateTime.now() : null)
                    .executeUpdate();
            Fixture.dataChanged(em);
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM result").getSingleResult()).longValue();
        });
    }

    /**
     * A user with exactly these rights: memberships (programme id → role), a county code (or null) and the system
     * administrator flag; returns its id.
     */
    public static long user(String username, String password, Map<Long, Role> memberships, String countyCode,
            boolean systemAdmin) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User u = new User();
            u.username = username;
            u.displayName = username + " Testesen";
            memberships.forEach((programme, role) -> u.memberships.add(Membership.of(u, programme, role)));
            u.countyCode = countyCode;
            u.systemAdmin = systemAdmin;
            u.active = true;
            u.createdAt = Instant.now();
            u.passwordHash = BcryptUtil.bcryptHash(password);
            u.persist();
            return u.id;
        });
    }

    /** Makes the user a lead of the project. */
    public static void lead(long project, long user) {
        QuarkusTransaction.requiringNew().run(() -> {
            Project p = Project.findById(project);
            p.leads.add(User.findById(user));
        });
    }
}
