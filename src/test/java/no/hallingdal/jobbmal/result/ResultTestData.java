package no.hallingdal.jobbmal.result;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.project.ProjectPhase;
import no.hallingdal.jobbmal.project.ProjectStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Test data for the result tests: users (fixed names, so @TestSecurity can use them) and projects. */
public final class ResultTestData {

    public static final String LEAD = "rc-lead";
    public static final String OTHER_LEAD = "rc-lead-other";
    public static final String BOARD = "rc-board";
    public static final String PASSWORD = "rc-test-password-1";

    private ResultTestData() {
    }

    /** The user with this name, created (with {@link #PASSWORD}) if missing. */
    public static User user(String username, String role) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseGet(() -> {
            User u = new User();
            u.username = username;
            u.displayName = "Test " + username;
            no.hallingdal.jobbmal.support.Fixture.giveRole(u, role);
            u.active = true;
            u.createdAt = Instant.now();
            u.passwordHash = BcryptUtil.bcryptHash(PASSWORD);
            u.persist();
            return u;
        }));
    }

    public static long adminId() {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername("admin").orElseThrow().id);
    }

    /** A project with a unique name in the given municipalities (current codes), led by the given users. */
    public static Project project(String namePrefix, List<String> municipalities, String... leads) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Project p = new Project();
            p.name = namePrefix + " " + UUID.randomUUID().toString().substring(0, 8);
            p.programme = no.hallingdal.jobbmal.support.Fixture.seededProgramme();
            p.focusArea = FocusArea.findByCode(p.programme.id, "innovasjon").orElseThrow();
            for (String code : municipalities) {
                p.municipalities.add(Municipality.findById(code));
            }
            for (String lead : leads) {
                p.leads.add(User.findByUsername(lead).orElseThrow());
            }
            p.projectOwner = "Regionrådet";
            p.phase = ProjectPhase.HOVEDPROSJEKT;
            p.status = ProjectStatus.ACTIVE;
            p.startDate = LocalDate.of(2022, 1, 1);
            p.expectedNewJobs = new BigDecimal("20.0");
            p.createdAt = Instant.now();
            p.updatedAt = Instant.now();
            p.persist();
            no.hallingdal.jobbmal.support.Fixture.dataChanged(Project.getEntityManager());
            return p;
        });
    }

    public static long countResults(long projectId) {
        return QuarkusTransaction.requiringNew().call(() -> Result.count("project.id", projectId));
    }

    public static long countHistory(long projectId) {
        return QuarkusTransaction.requiringNew().call(() -> no.hallingdal.jobbmal.history.ChangeEvent.count(
                "entityType = 'result' and entityId in (select r.id from Result r where r.project.id = ?1)",
                projectId));
    }

    /**
     * A result as the form or the API sends it, valid as it stands (new jobs, 2.5, in Gol, 10 May 2024): a test
     * changes the one field it is about and calls {@link #input()}.
     */
    public static final class Draft {
        public Long projectId;
        public String municipality = "3324";
        public String focusArea;
        public LocalDate date = LocalDate.of(2024, 5, 10);
        public String kind = "NEW_JOBS";
        public BigDecimal amount = new BigDecimal("2.5");
        public BigDecimal women;
        public BigDecimal men;
        public String companyName = "Gol Trevare AS";
        public String orgNumber;
        public String evidence = "Bekreftelse fra bedriften 12.05.2024";
        public Long version;
        public String reason;

        public Draft(Long projectId) {
            this.projectId = projectId;
        }

        public ResultInput input() {
            return new ResultInput(projectId, municipality, focusArea, date, kind, amount, women, men, companyName,
                    orgNumber, evidence, version, reason);
        }
    }

    /** A random valid org. number. */
    public static String orgNumber() {
        return ResultDemoData.orgNumber(new java.util.Random());
    }
}
