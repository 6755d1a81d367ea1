package no.hallingdal.jobbmal.result;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.demo.DemoSeed;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.project.Project;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demo results (with {@code jobbmal.demo-data=true}): {@code jobbmal.demo.results} registrations dated
 * 2022–2024 over the demo projects — mostly approved, some pending, returned and withdrawn (with reasons),
 * a few secured jobs and new companies (valid org. numbers), and one deliberate double count. Deterministic
 * from the seed's random generator. Inserted with JDBC batches of 500 so 100 000+ rows load quickly; no
 * history rows are written for demo data (the result page shows who registered and approved it).
 */
@ApplicationScoped
public class ResultDemoData {

    private static final Logger LOG = Logger.getLogger(ResultDemoData.class);
    private static final int BATCH = 500;
    private static final String[] COMPANIES = {"Hallingdal Trevare", "Gol Regnskap", "Hemsedal Fjellguiding",
        "Ål Mekaniske", "Hol Bygg og Anlegg", "Nesbyen Smie", "Flå Bryggeri", "Fjellmat Hallingdal",
        "Hallingdal IT-senter", "Geilo Sport og Fritid", "Torpo Tre", "Hallingkast Design", "Rukkedalen Gard",
        "Sudndalen Energi", "Vassfaret Opplevelser"};
    private static final String[] EVIDENCE = {"Bekreftelse fra bedrift, e-post", "Ansettelsesavtaler mottatt",
        "Brønnøysundregistrene, stiftelsesdokument", "Bekreftelse fra daglig leder på møte",
        "Årsregnskap og lønnslister", "https://w2.brreg.no/enhet/sok/"};

    @Inject
    EntityManager em;

    void seed(@Observes @Priority(DemoSeed.RESULTS) DemoSeed seed) {
        if (seed.projects.isEmpty() || seed.size.results() <= 0) {
            return;
        }
        em.flush();
        User fallback = User.findByUsername("admin").orElse(null);
        List<Long> registrants = new ArrayList<>();
        for (User u : seed.users) {
            if (u.id != null) {
                registrants.add(u.id);
            }
        }
        if (registrants.isEmpty() && fallback != null) {
            registrants.add(fallback.id);
        }
        if (registrants.isEmpty()) {
            return;
        }
        long approver = fallback != null ? fallback.id : registrants.get(0);
        List<ProjectInfo> projects = new ArrayList<>();
        for (Project p : seed.projects) {
            List<String> codes = p.municipalities.stream().map(m -> m.code).toList();
            if (codes.isEmpty()) {
                codes = Municipality.<Municipality>listAll().stream().map(m -> m.code).limit(1).toList();
            }
            projects.add(new ProjectInfo(p.id, p.programme.id, p.focusArea.id, codes));
        }
        int count = seed.size.results();
        Random random = seed.random;
        LocalDate first = LocalDate.of(2022, 1, 1);
        int days = (int) (LocalDate.of(2024, 12, 31).toEpochDay() - first.toEpochDay()) + 1;
        String sql = "INSERT INTO result (project_id, programme_id, municipality_code, focus_area_id, result_date, result_year,"
                + " kind, amount, women, men, company_name, org_number, evidence, status, status_reason,"
                + " registered_by, registered_at, approved_by, approved_at, updated_by, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
        String doubleOrg = orgNumber(new Random(seed.size.seed()));
        em.unwrap(Session.class).doWork(conn -> {
            long before;
            try (var st = conn.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM result")) {
                rs.next();
                before = rs.getLong(1);
            }
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < count; i++) {
                    ProjectInfo p = projects.get(random.nextInt(projects.size()));
                    LocalDate date = first.plusDays(random.nextInt(days));
                    int roll = random.nextInt(100);
                    String kind = roll < 80 ? "NEW_JOBS" : roll < 92 ? "SECURED_JOBS" : "NEW_COMPANY";
                    BigDecimal amount = kind.equals("NEW_COMPANY") ? BigDecimal.valueOf(1 + random.nextInt(3))
                            : BigDecimal.valueOf(5 + random.nextInt(31), 1); // 0.5–3.5 årsverk, mean 2
                    int s = random.nextInt(100);
                    String status = s < 75 ? "APPROVED" : s < 88 ? "PENDING" : s < 95 ? "RETURNED" : "WITHDRAWN";
                    String reason = switch (status) {
                        case "RETURNED" -> "Mangler bekreftelse fra bedriften. Legg ved dokumentasjon.";
                        case "WITHDRAWN" -> "Registrert to ganger ved en feil.";
                        default -> null;
                    };
                    String company = COMPANIES[random.nextInt(COMPANIES.length)];
                    String org = kind.equals("NEW_COMPANY") || random.nextInt(3) > 0 ? orgNumber(random) : null;
                    ProjectInfo project = p;
                    if (i < 2 && projects.size() > 1) {
                        // the deliberate double count: the same company's new jobs in two projects, same year
                        project = projects.get(i);
                        kind = "NEW_JOBS";
                        amount = new BigDecimal("2.0");
                        date = LocalDate.of(2023, 3, 1 + i);
                        status = "APPROVED";
                        reason = null;
                        company = "Hallingdal Trevare";
                        org = doubleOrg;
                    }
                    BigDecimal women = null;
                    BigDecimal men = null;
                    if (random.nextInt(2) == 0) {
                        women = amount.multiply(BigDecimal.valueOf(random.nextInt(11), 1))
                                .setScale(1, java.math.RoundingMode.DOWN);
                        men = amount.subtract(women);
                    }
                    long by = registrants.get(random.nextInt(registrants.size()));
                    OffsetDateTime at = date.plusDays(random.nextInt(20)).atTime(9 + random.nextInt(8), 0)
                            .atOffset(ZoneOffset.UTC);
                    int c = 1;
                    ps.setLong(c++, project.id());
                    ps.setLong(c++, project.programmeId());
                    ps.setString(c++, project.municipalities().get(random.nextInt(project.municipalities().size())));
                    ps.setLong(c++, project.focusAreaId());
                    ps.setObject(c++, date);
                    ps.setInt(c++, date.getYear());
                    ps.setString(c++, kind);
                    ps.setBigDecimal(c++, amount.setScale(1));
                    ps.setBigDecimal(c++, women == null ? null : women.setScale(1));
                    ps.setBigDecimal(c++, men == null ? null : men.setScale(1));
                    ps.setString(c++, company);
                    ps.setString(c++, org);
                    ps.setString(c++, EVIDENCE[random.nextInt(EVIDENCE.length)]);
                    ps.setString(c++, status);
                    ps.setString(c++, reason);
                    ps.setLong(c++, by);
                    ps.setObject(c++, at);
                    boolean approved = status.equals("APPROVED");
                    if (approved) {
                        ps.setLong(c++, approver);
                        ps.setObject(c++, at.plusDays(7));
                    } else {
                        ps.setNull(c++, java.sql.Types.BIGINT);
                        ps.setNull(c++, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    }
                    ps.setLong(c++, approved ? approver : by);
                    ps.setObject(c++, approved ? at.plusDays(7) : at);
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            // History for every demo result, set-based (one statement per kind of event, however many rows):
            // who registered it and when, and the approval, return or withdrawal with its reason.
            for (String history : List.of(HISTORY_CREATED, HISTORY_APPROVED, HISTORY_REASONED)) {
                try (PreparedStatement h = conn.prepareStatement(history + " AND r.id > ?")) {
                    h.setLong(1, before);
                    h.executeUpdate();
                }
            }
        });
        LOG.infof("Demo data: %d results", count);
    }

    static final String HISTORY_CREATED = """
            INSERT INTO change_event (entity_type, entity_id, action, changed_by, changed_by_name, changed_at, source)
            SELECT 'result', r.id, 'created', r.registered_by, u.display_name, r.registered_at, 'demo-data'
            FROM result r JOIN app_user u ON u.id = r.registered_by
            WHERE 1 = 1""";

    static final String HISTORY_APPROVED = """
            INSERT INTO change_event (entity_type, entity_id, action, changed_by, changed_by_name, changed_at, source)
            SELECT 'result', r.id, 'approved', r.approved_by, u.display_name, r.approved_at, 'demo-data'
            FROM result r JOIN app_user u ON u.id = r.approved_by
            WHERE r.status = 'APPROVED'""";

    static final String HISTORY_REASONED = """
            INSERT INTO change_event (entity_type, entity_id, action, changed_by, changed_by_name, changed_at, reason, source)
            SELECT 'result', r.id, CASE r.status WHEN 'RETURNED' THEN 'returned' ELSE 'withdrawn' END, r.updated_by,
                   u.display_name, r.updated_at, r.status_reason, 'demo-data'
            FROM result r JOIN app_user u ON u.id = r.updated_by
            WHERE r.status IN ('RETURNED', 'WITHDRAWN')""";

    private record ProjectInfo(long id, long programmeId, long focusAreaId, List<String> municipalities) {
    }

    /** A random valid org. number (first digit 8 or 9, as for real companies; MOD11 check digit). */
    static String orgNumber(Random random) {
        while (true) {
            StringBuilder sb = new StringBuilder();
            sb.append(8 + random.nextInt(2));
            for (int i = 0; i < 7; i++) {
                sb.append(random.nextInt(10));
            }
            Integer check = OrgNumber.checkDigit(sb.toString());
            if (check != null) {
                return sb.append(check).toString();
            }
        }
    }
}
