package no.hallingdal.jobbmal.result;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.demo.DemoSeed;
import no.hallingdal.jobbmal.project.Project;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demo results (with {@code jobbmal.demo-data=true}): the seed's {@link DemoSeed.Slice slices}, each so many
 * registrations dated in its dates over its projects — mostly approved, some pending, returned and withdrawn (with
 * reasons; only the last three months' results are still pending), a few secured jobs and new companies (valid org.
 * numbers). The first result of each slice is approved
 * new jobs (so every part of the demo has a counted figure), and the first two of the first slice are a deliberate
 * double count. A result is registered by one of its project's leads or the programme's admin and decided by the
 * admin a week later; one that would be decided after the seed's last day is still pending. Deterministic from the
 * seed's random generator. Inserted with JDBC batches of 500 so a million rows load in minutes; the history is
 * written set-based afterwards.
 */
@ApplicationScoped
public class ResultDemoData {

    private static final Logger LOG = Logger.getLogger(ResultDemoData.class);
    private static final int BATCH = 500;
    private static final int DECIDED_AFTER_DAYS = 7;
    /** How long a pending result may wait before the demo's last day; older ones have been approved. */
    private static final int PENDING_DAYS = 90;
    private static final String[] EVIDENCE = {"Bekreftelse fra bedrift, e-post", "Ansettelsesavtaler mottatt",
        "Brønnøysundregistrene, stiftelsesdokument", "Bekreftelse fra daglig leder på møte",
        "Årsregnskap og lønnslister", "https://w2.brreg.no/enhet/sok/"};

    static final String INSERT = "INSERT INTO result (project_id, programme_id, municipality_code, focus_area_id,"
            + " result_date, result_year, kind, amount, women, men, company_name, org_number, evidence, status,"
            + " status_reason, registered_by, registered_at, approved_by, approved_at, updated_by, updated_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    @Inject
    EntityManager em;

    @Inject
    ResultSums sums;

    /** What a row needs of its project: ids, first day, municipalities, who registers and who decides. */
    private record ProjectInfo(long id, long programmeId, long focusAreaId, LocalDate start,
            List<String> municipalities, long[] registrants, long approver) {
    }

    void seed(@Observes @Priority(DemoSeed.RESULTS) DemoSeed seed) {
        int total = seed.slices.stream().mapToInt(DemoSeed.Slice::count).sum();
        if (total <= 0) {
            return;
        }
        em.flush();
        Long fallback = User.findByUsername("admin").map(u -> u.id)
                .orElse(seed.users.isEmpty() ? null : seed.users.get(0).id);
        if (fallback == null) {
            LOG.warn("Demo results not loaded: no user to register them");
            return;
        }
        List<List<ProjectInfo>> projects = new ArrayList<>();
        for (DemoSeed.Slice slice : seed.slices) {
            projects.add(slice.projects().stream().map(p -> info(p, seed.users, fallback)).toList());
        }
        Random random = seed.random;
        String doubleOrg = orgNumber(new Random(random.nextLong()));
        em.unwrap(Session.class).doWork(conn -> {
            long before;
            try (var st = conn.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM result")) {
                rs.next();
                before = rs.getLong(1);
            }
            try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
                int rows = 0;
                for (int s = 0; s < seed.slices.size(); s++) {
                    DemoSeed.Slice slice = seed.slices.get(s);
                    for (int i = 0; i < slice.count(); i++) {
                        Integer doubleCount = s == 0 && i < 2 && projects.get(s).size() > 1 ? i : null;
                        row(ps, random, slice, projects.get(s), i == 0 || doubleCount != null, doubleCount, doubleOrg,
                                seed.until);
                        if (++rows % BATCH == 0) {
                            ps.executeBatch();
                        }
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
        // the rows went in past the services: their figures are added to the aggregate from the rows
        projects.stream().flatMap(List::stream).map(ProjectInfo::programmeId).distinct().forEach(sums::repair);
        LOG.infof("Demo data: %d results", total);
    }

    private static ProjectInfo info(Project p, List<User> users, long fallback) {
        long programmeId = p.programme.id;
        long approver = users.stream().filter(u -> u.is(Role.ADMIN, programmeId)).map(u -> u.id).findFirst()
                .orElse(fallback);
        long[] registrants = p.leads.stream().sorted(java.util.Comparator.comparing(u -> u.username))
                .mapToLong(u -> u.id).toArray();
        if (registrants.length == 0) {
            registrants = new long[] {approver};
        }
        List<String> codes = p.municipalities.stream().map(m -> m.code).sorted().toList();
        return new ProjectInfo(p.id, programmeId, p.focusArea.id, p.startDate, codes, registrants, approver);
    }

    /**
     * Adds one result to the batch. {@code counted}: approved new jobs whatever the dice say; {@code doubleCount}
     * (0 or 1): one half of the deliberate double count, in the slice's first or second project.
     */
    private static void row(PreparedStatement ps, Random random, DemoSeed.Slice slice, List<ProjectInfo> projects,
            boolean counted, Integer doubleCount, String doubleOrg, LocalDate until) throws SQLException {
        ProjectInfo p = doubleCount != null ? projects.get(doubleCount) : projects.get(random.nextInt(projects.size()));
        LocalDate first = p.start().isAfter(slice.first()) && !p.start().isAfter(slice.last()) ? p.start() : slice.first();
        LocalDate date = first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, slice.last()) + 1));
        int roll = random.nextInt(100);
        String kind = counted || roll < 80 ? "NEW_JOBS" : roll < 92 ? "SECURED_JOBS" : "NEW_COMPANY";
        BigDecimal amount = kind.equals("NEW_COMPANY") ? BigDecimal.valueOf(1 + random.nextInt(3))
                : BigDecimal.valueOf(5 + random.nextInt(31), 1); // 0.5–3.5 årsverk, mean 2
        int s = random.nextInt(100);
        String status = counted ? "APPROVED" : s < 75 ? "APPROVED" : s < 88 ? "PENDING" : s < 95 ? "RETURNED" : "WITHDRAWN";
        String company = slice.companies().get(random.nextInt(slice.companies().size()));
        String org = kind.equals("NEW_COMPANY") || random.nextInt(3) > 0 ? orgNumber(random) : null;
        if (doubleCount != null) {
            // the same company's new jobs in two projects, one day apart in the middle of the slice: same year
            date = slice.first().plusDays(ChronoUnit.DAYS.between(slice.first(), slice.last()) / 2 + doubleCount);
            amount = new BigDecimal("2.0");
            company = slice.companies().get(0);
            org = doubleOrg;
        }
        BigDecimal women = null;
        BigDecimal men = null;
        if (random.nextInt(2) == 0) {
            women = amount.multiply(BigDecimal.valueOf(random.nextInt(11), 1)).setScale(1, RoundingMode.DOWN);
            men = amount.subtract(women);
        }
        long by = p.registrants()[random.nextInt(p.registrants().length)];
        LocalDate registered = date.plusDays(random.nextInt(20));
        OffsetDateTime at = (registered.isAfter(until) ? until : registered).atTime(9 + random.nextInt(8), 0)
                .atOffset(ZoneOffset.UTC);
        String evidence = slice.evidence() != null ? slice.evidence() : EVIDENCE[random.nextInt(EVIDENCE.length)];
        OffsetDateTime decidedAt = at.plusDays(DECIDED_AFTER_DAYS);
        if (decidedAt.toLocalDate().isAfter(until)) {
            status = "PENDING"; // too new to have been decided by the demo's last day
        } else if (status.equals("PENDING") && at.toLocalDate().plusDays(PENDING_DAYS).isBefore(until)) {
            status = "APPROVED"; // the admin has long since decided: only recent results wait
        }
        String reason = switch (status) {
            case "RETURNED" -> "Mangler bekreftelse fra bedriften. Legg ved dokumentasjon.";
            case "WITHDRAWN" -> "Registrert to ganger ved en feil.";
            default -> null;
        };
        int c = 1;
        ps.setLong(c++, p.id());
        ps.setLong(c++, p.programmeId());
        ps.setString(c++, p.municipalities().get(random.nextInt(p.municipalities().size())));
        ps.setLong(c++, p.focusAreaId());
        ps.setObject(c++, date);
        ps.setInt(c++, date.getYear());
        ps.setString(c++, kind);
        ps.setBigDecimal(c++, amount.setScale(1));
        ps.setBigDecimal(c++, women == null ? null : women.setScale(1));
        ps.setBigDecimal(c++, men == null ? null : men.setScale(1));
        ps.setString(c++, company);
        ps.setString(c++, org);
        ps.setString(c++, evidence);
        ps.setString(c++, status);
        ps.setString(c++, reason);
        ps.setLong(c++, by);
        ps.setObject(c++, at);
        boolean approved = status.equals("APPROVED");
        if (approved) {
            ps.setLong(c++, p.approver());
            ps.setObject(c++, decidedAt);
        } else {
            ps.setNull(c++, Types.BIGINT);
            ps.setNull(c++, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        // the admin approves and returns; the registrant withdraws
        ps.setLong(c++, switch (status) {
            case "APPROVED", "RETURNED" -> p.approver();
            default -> by;
        });
        ps.setObject(c++, status.equals("PENDING") ? at : decidedAt);
        ps.addBatch();
    }

    static final String HISTORY_CREATED = """
            INSERT INTO change_event (programme_id, entity_type, entity_id, action, changed_by, changed_by_name,
                                      changed_at, source)
            SELECT r.programme_id, 'result', r.id, 'created', r.registered_by, u.display_name, r.registered_at, 'demo-data'
            FROM result r JOIN app_user u ON u.id = r.registered_by
            WHERE 1 = 1""";

    static final String HISTORY_APPROVED = """
            INSERT INTO change_event (programme_id, entity_type, entity_id, action, changed_by, changed_by_name,
                                      changed_at, source)
            SELECT r.programme_id, 'result', r.id, 'approved', r.approved_by, u.display_name, r.approved_at, 'demo-data'
            FROM result r JOIN app_user u ON u.id = r.approved_by
            WHERE r.status = 'APPROVED'""";

    static final String HISTORY_REASONED = """
            INSERT INTO change_event (programme_id, entity_type, entity_id, action, changed_by, changed_by_name,
                                      changed_at, reason, source)
            SELECT r.programme_id, 'result', r.id, CASE r.status WHEN 'RETURNED' THEN 'returned' ELSE 'withdrawn' END,
                   r.updated_by, u.display_name, r.updated_at, r.status_reason, 'demo-data'
            FROM result r JOIN app_user u ON u.id = r.updated_by
            WHERE r.status IN ('RETURNED', 'WITHDRAWN')""";

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
