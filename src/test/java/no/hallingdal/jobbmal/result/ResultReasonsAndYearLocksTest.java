package no.hallingdal.jobbmal.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.result.ResultTestData.Draft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static no.hallingdal.jobbmal.support.FieldErrors.assertOnly;
import static no.hallingdal.jobbmal.support.FieldErrors.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The rules the workflow adds to the input rules of {@link ResultValidationTest}, checked once against
 * {@link ResultService}: the reasons that returning, withdrawing and changing an approved result need (at
 * most 2000 characters), the version an edit needs, and year locks (docs/rules.md, "Year lock"): a lead is
 * refused at the date, an admin needs a reason. A refused change leaves the result as it was.
 */
@QuarkusTest
class ResultReasonsAndYearLocksTest {

    /** The year these tests lock: after the programme's start (earlier dates are refused); unlocked after each test. */
    static final int LOCKED = 2025;

    @Inject
    ResultService service;

    @Inject
    ResultSearch search;

    @Inject
    YearLocks yearLocks;

    Project project;

    @BeforeEach
    void setUp() {
        ResultTestData.user(ResultTestData.LEAD, "lead");
        project = ResultTestData.project("Begrunnelse", List.of("3324"), ResultTestData.LEAD);
    }

    Draft draft(LocalDate date) {
        Draft d = new Draft(project.id);
        d.date = date;
        return d;
    }

    long create(LocalDate date) {
        return service.create(draft(date).input()).result().id();
    }

    ResultView get(long id) {
        return QuarkusTransaction.requiringNew().call(() -> search.get(id));
    }

    static void setLocked(int year, boolean locked) {
        QuarkusTransaction.requiringNew().run(() -> {
            long programme = no.hallingdal.jobbmal.support.Fixture.seededProgramme().id;
            if (!locked) {
                YearLock l = YearLock.find(programme, year);
                if (l != null) {
                    l.delete();
                }
                return;
            }
            // the page's unlock keeps the row (locked false): lock that one if another test left it
            YearLock l = YearLock.find(programme, year);
            if (l == null) {
                l = new YearLock();
                l.programmeId = programme;
                l.lockYear = year;
                l.persist();
            }
            l.locked = true;
        });
    }

    @Test
    @TestSecurity(user = ResultTestData.LEAD, roles = "lead")
    void aLeadIsRefusedAtTheDateInALockedYearWithOrWithoutAReason() {
        LocalDate inLocked = LocalDate.of(LOCKED, 3, 1);
        LocalDate after = LocalDate.of(LOCKED + 1, 3, 1);
        long inLockedYear = create(inLocked);
        long inOpenYear = create(after);
        setLocked(LOCKED, true);
        try {
            assertOnly(refused(() -> service.create(draft(inLocked).input())), "date", "result.error.locked", LOCKED);
            Draft withReason = draft(inLocked);
            withReason.reason = "Etterregistrering";
            assertOnly(refused(() -> service.create(withReason.input())), "date", "result.error.locked", LOCKED);
            // an edit moving a result out of the locked year, or into it
            Draft out = draft(after);
            out.version = 0L;
            assertOnly(refused(() -> service.update(inLockedYear, out.input())), "date", "result.error.locked", LOCKED);
            Draft in = draft(inLocked);
            in.version = 0L;
            assertOnly(refused(() -> service.update(inOpenYear, in.input())), "date", "result.error.locked", LOCKED);
            assertOnly(refused(() -> service.withdraw(inLockedYear, "Feilregistrert", null)),
                    "date", "result.error.locked", LOCKED);
            // other years are open
            assertEquals(ResultStatus.PENDING, service.create(draft(after).input()).result().status());
        } finally {
            setLocked(LOCKED, false);
        }
        assertEquals(inLocked, get(inLockedYear).date());
        assertEquals(ResultStatus.PENDING, get(inLockedYear).status());
        assertEquals(after, get(inOpenYear).date());
        assertEquals(3, ResultTestData.countResults(project.id));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void anAdminNeedsAReasonInALockedYear() {
        LocalDate inLocked = LocalDate.of(LOCKED, 3, 1);
        long toApprove = create(inLocked);
        long toReturn = create(inLocked);
        setLocked(LOCKED, true);
        try {
            assertOnly(refused(() -> service.create(draft(inLocked).input())),
                    "reason", "result.error.locked.reason", LOCKED);
            Draft withReason = draft(inLocked);
            withReason.reason = "Etterregistrering godkjent av styret";
            assertEquals(ResultStatus.PENDING, service.create(withReason.input()).result().status());

            assertOnly(refused(() -> service.approve(toApprove, null, null)),
                    "reason", "result.error.locked.reason", LOCKED);
            assertEquals(ResultStatus.PENDING, get(toApprove).status());
            assertEquals(ResultStatus.APPROVED, service.approve(toApprove, "Styret har sett på saken", null).status());

            // returning and withdrawing need a reason anyway: that message comes first
            assertOnly(refused(() -> service.returnResult(toReturn, null, null)),
                    "reason", "result.error.reason.required");
            assertEquals(ResultStatus.RETURNED, service.returnResult(toReturn, "Mangler bekreftelse", null).status());
        } finally {
            setLocked(LOCKED, false);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void onlyTheYearsFrom2000ToTenYearsAheadCanBeLocked() {
        int last = LocalDate.now(Formats.ZONE).getYear() + 10;
        assertThrows(NotFoundException.class, () -> yearLocks.setLocked(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), 1999, true));
        assertThrows(NotFoundException.class, () -> yearLocks.setLocked(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), last + 1, true));
        try {
            for (int year : List.of(2000, last)) {
                yearLocks.setLocked(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), year, true);
                assertEquals(true, QuarkusTransaction.requiringNew().call(() -> YearLock.isLocked(no.hallingdal.jobbmal.support.Fixture.seededProgramme().id, year)), "" + year);
                yearLocks.setLocked(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), year, false);
            }
        } finally {
            setLocked(2000, false);
            setLocked(last, false);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void returningNeedsAReasonOfAtMost2000Characters() {
        long id = create(LocalDate.of(2024, 5, 10));
        assertOnly(refused(() -> service.returnResult(id, null, null)), "reason", "result.error.reason.required");
        assertOnly(refused(() -> service.returnResult(id, " \n ", null)), "reason", "result.error.reason.required");
        assertOnly(refused(() -> service.returnResult(id, "r".repeat(2001), null)), "reason", "error.toolong", 2000);
        assertEquals(ResultStatus.PENDING, get(id).status());
        ResultView returned = service.returnResult(id, "r".repeat(2000), null);
        assertEquals(ResultStatus.RETURNED, returned.status());
        assertEquals(2000, returned.statusReason().length());
    }

    @Test
    @TestSecurity(user = ResultTestData.LEAD, roles = "lead")
    void withdrawingNeedsAReasonOfAtMost2000Characters() {
        long id = create(LocalDate.of(2024, 5, 10));
        assertOnly(refused(() -> service.withdraw(id, null, null)), "reason", "result.error.reason.required");
        assertOnly(refused(() -> service.withdraw(id, "r".repeat(2001), null)), "reason", "error.toolong", 2000);
        assertEquals(ResultStatus.PENDING, get(id).status());
        assertEquals(ResultStatus.WITHDRAWN, service.withdraw(id, "r".repeat(2000), null).status());
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void approvingTakesAnOptionalReasonOfAtMost2000Characters() {
        long withReason = create(LocalDate.of(2024, 5, 10));
        long without = create(LocalDate.of(2024, 5, 10));
        assertOnly(refused(() -> service.approve(withReason, "r".repeat(2001), null)), "reason", "error.toolong", 2000);
        assertEquals(ResultStatus.PENDING, get(withReason).status());
        assertEquals(ResultStatus.APPROVED, service.approve(withReason, "r".repeat(2000), null).status());
        assertEquals(ResultStatus.APPROVED, service.approve(without, null, null).status());
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void anEditNeedsTheVersionAndAnApprovedResultAReason() {
        long id = create(LocalDate.of(2024, 5, 10));
        Draft edit = draft(LocalDate.of(2024, 5, 10));
        edit.amount = new BigDecimal("3");
        assertOnly(refused(() -> service.update(id, edit.input())), "version", "error.required");
        service.approve(id, null, null);
        edit.version = get(id).version();
        assertOnly(refused(() -> service.update(id, edit.input())), "reason", "result.error.reason.approved");
        assertEquals(0, new BigDecimal("2.5").compareTo(get(id).amount()));
        edit.reason = "Bedriften rettet tallet";
        assertEquals(0, new BigDecimal("3").compareTo(service.update(id, edit.input()).result().amount()));
    }
}
