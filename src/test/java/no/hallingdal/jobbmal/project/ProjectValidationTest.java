package no.hallingdal.jobbmal.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.support.Accounts;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static no.hallingdal.jobbmal.support.FieldErrors.assertOnly;
import static no.hallingdal.jobbmal.support.FieldErrors.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every input rule of a project and both sides of every limit (docs/rules.md, "Input limits"), checked once,
 * against {@link ProjectService}: the one path of the project pages and the project API. Each refused case
 * asserts the field, the message key and the arguments that carry the limit, and that nothing was saved. The
 * HTTP paths keep one representative case each (ProjectApiTest, ProjectPageTest).
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "admin", roles = "admin")
class ProjectValidationTest {

    @Inject
    ProjectService service;

    /** A project as the form or the API sends it, valid as it stands; a test changes what it is about. */
    static final class Draft {
        String name = ProjectFixtures.unique("Regelprosjekt");
        String description = "Kurs og rekruttering for reiselivet";
        String focusArea = "kompetanse-rekruttering";
        List<String> municipalities = List.of("3326", "3324");
        String projectOwner = "Hol kommune";
        List<Long> leads = List.of();
        String phase = "hovedprosjekt";
        String status = "active";
        LocalDate startDate = LocalDate.of(2023, 3, 1);
        LocalDate endDate = LocalDate.of(2024, 12, 31);
        BigDecimal expectedNewJobs = new BigDecimal("12.5");
        Long grantedFunds = 1_500_000L;
        Long version;

        ProjectInput input() {
            return new ProjectInput(name, description, focusArea, municipalities, projectOwner, leads, phase, status,
                    startDate, endDate, expectedNewJobs, grantedFunds, version);
        }
    }

    static long countProjects() {
        return QuarkusTransaction.requiringNew().call(() -> Project.count());
    }

    static Draft draft(Consumer<Draft> change) {
        Draft d = new Draft();
        change.accept(d);
        return d;
    }

    private static Arguments refusedCase(String what, Consumer<Draft> change, String field, String key,
            Object... args) {
        return Arguments.of(Named.of(what, change), field, key, List.of(args));
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    static Stream<Arguments> refusedInputs() {
        return Stream.of(
                refusedCase("no name", d -> d.name = null, "name", "error.required"),
                refusedCase("blank name", d -> d.name = "  ", "name", "error.required"),
                refusedCase("name of 201", d -> d.name = "n".repeat(201), "name", "error.toolong", 200),
                refusedCase("description of 4001", d -> d.description = "d".repeat(4001),
                        "description", "error.toolong", 4000),
                refusedCase("no owner", d -> d.projectOwner = null, "projectOwner", "error.required"),
                refusedCase("owner of 201", d -> d.projectOwner = "o".repeat(201),
                        "projectOwner", "error.toolong", 200),
                refusedCase("no focus area", d -> d.focusArea = null, "focusArea", "error.required"),
                refusedCase("unknown focus area", d -> d.focusArea = "fiske",
                        "focusArea", "error.unknown.focusarea", "fiske"),
                refusedCase("no municipalities", d -> d.municipalities = List.of(),
                        "municipalities", "project.error.municipalities"),
                refusedCase("municipalities missing", d -> d.municipalities = null,
                        "municipalities", "project.error.municipalities"),
                refusedCase("an unknown municipality beside a known one", d -> d.municipalities = List.of("3324", "9999"),
                        "municipalities", "error.unknown.municipality", "9999"),
                refusedCase("unknown lead id", d -> d.leads = List.of(99999999L),
                        "leads", "project.error.lead", 99999999L),
                refusedCase("lead id null", d -> d.leads = Arrays.asList((Long) null),
                        "leads", "project.error.lead", ""),
                refusedCase("no phase", d -> d.phase = null, "phase", "error.required"),
                refusedCase("unknown phase", d -> d.phase = "idefase", "phase", "project.error.phase", "idefase"),
                refusedCase("no status", d -> d.status = null, "status", "error.required"),
                refusedCase("unknown status", d -> d.status = "paused", "status", "project.error.status", "paused"),
                refusedCase("no start", d -> d.startDate = null, "startDate", "error.required"),
                refusedCase("end the day before the start", d -> d.endDate = LocalDate.of(2023, 2, 28),
                        "endDate", "project.error.endbeforestart"),
                refusedCase("no expected new jobs", d -> d.expectedNewJobs = null, "expectedNewJobs", "error.required"),
                refusedCase("expected new jobs -0.1", d -> d.expectedNewJobs = dec("-0.1"),
                        "expectedNewJobs", "error.negative"),
                refusedCase("expected new jobs 1.25", d -> d.expectedNewJobs = dec("1.25"),
                        "expectedNewJobs", "project.error.onedecimal"),
                refusedCase("expected new jobs 1 000 000", d -> d.expectedNewJobs = dec("1000000"),
                        "expectedNewJobs", "project.error.toolarge"),
                refusedCase("granted funds -1", d -> d.grantedFunds = -1L, "grantedFunds", "error.negative"));
    }

    @ParameterizedTest
    @MethodSource("refusedInputs")
    void refusedWithTheFieldAndTheMessageAndNothingSaved(Consumer<Draft> change, String field, String key,
            List<Object> args) {
        Draft d = draft(change);
        long before = countProjects();
        assertOnly(refused(() -> service.create(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), d.input(), new Errors())), field, key, args);
        assertEquals(before, countProjects());
    }

    static Stream<Arguments> acceptedInputs() {
        return Stream.of(
                acceptedCase("as drafted", d -> {
                }),
                acceptedCase("name of 200", d -> d.name = ProjectFixtures.unique("n".repeat(191))),
                acceptedCase("owner of 200", d -> d.projectOwner = "o".repeat(200)),
                acceptedCase("description of 4000", d -> d.description = "d".repeat(4000)),
                acceptedCase("no description", d -> d.description = null),
                acceptedCase("a former municipality code", d -> d.municipalities = List.of("3041")),
                acceptedCase("end on the start day", d -> d.endDate = d.startDate),
                acceptedCase("no end", d -> d.endDate = null),
                acceptedCase("expected new jobs 0", d -> d.expectedNewJobs = BigDecimal.ZERO),
                acceptedCase("expected new jobs 999 999.9", d -> d.expectedNewJobs = dec("999999.9")),
                acceptedCase("expected new jobs 12.50 (one decimal, written with two)",
                        d -> d.expectedNewJobs = dec("12.50")),
                acceptedCase("granted funds 0", d -> d.grantedFunds = 0L),
                acceptedCase("no granted funds", d -> d.grantedFunds = null),
                acceptedCase("phase forstudie", d -> d.phase = "forstudie"),
                acceptedCase("phase forprosjekt", d -> d.phase = "forprosjekt"),
                acceptedCase("phase in upper case", d -> d.phase = "HOVEDPROSJEKT"),
                acceptedCase("status planned", d -> d.status = "planned"),
                acceptedCase("status completed", d -> d.status = "completed"),
                acceptedCase("status stopped", d -> d.status = "stopped"));
    }

    private static Arguments acceptedCase(String what, Consumer<Draft> change) {
        return Arguments.of(Named.of(what, change));
    }

    @ParameterizedTest
    @MethodSource("acceptedInputs")
    void acceptedAndSaved(Consumer<Draft> change) {
        Draft d = draft(change);
        Project p = service.create(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), d.input(), new Errors());
        assertNotNull(p.id);
        assertEquals(d.name, ProjectFixtures.load(p.id).name);
    }

    @Test
    void savedValuesAreTheCurrentMunicipalityCodeAndOneDecimal() {
        Project p = service.create(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), draft(d -> {
            d.municipalities = List.of("3041", "3326");
            d.expectedNewJobs = dec("12.50");
        }).input(), new Errors());
        Project stored = ProjectFixtures.load(p.id);
        assertEquals(List.of("3324", "3326"), stored.municipalities.stream().map(m -> m.code).sorted().toList());
        assertEquals(new BigDecimal("12.5"), stored.expectedNewJobs);
    }

    @Test
    void leadsMustBeActiveUsersWithTheLeadRole() {
        User lead = ProjectFixtures.user("lead");
        User board = ProjectFixtures.user("board");
        User inactive = ProjectFixtures.user("lead");
        Accounts.setActive(inactive.id, false);
        assertOnly(refused(() -> service.create(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), draft(d -> d.leads = List.of(board.id)).input(), new Errors())),
                "leads", "project.error.lead", board.id);
        assertOnly(refused(() -> service.create(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), draft(d -> d.leads = List.of(lead.id, inactive.id)).input(),
                new Errors())), "leads", "project.error.lead", inactive.id);
        Project p = service.create(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), draft(d -> d.leads = List.of(lead.id)).input(), new Errors());
        assertEquals(true, ProjectFixtures.load(p.id).isLedBy(lead.id));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        List<String> fields = refused(() -> service.create(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), draft(d -> {
            d.name = "";
            d.municipalities = List.of();
            d.endDate = LocalDate.of(2020, 1, 1);
            d.grantedFunds = -5L;
        }).input(), new Errors())).stream().map(e -> e.field()).toList();
        assertEquals(List.of("name", "municipalities", "endDate", "grantedFunds"), fields);
    }

    @Test
    void parseErrorsFoundBeforeTheServiceAreKeptAndNotRepeated() {
        // the form reports text it could not read as a value; the service adds no "required" for that field
        Errors parsed = new Errors().add("expectedNewJobs", "error.number");
        Draft d = draft(x -> x.expectedNewJobs = null);
        assertOnly(refused(() -> service.create(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), d.input(), parsed)), "expectedNewJobs", "error.number");
    }

    long existing(String name) {
        return ProjectFixtures.project(name, "innovasjon", List.of("3330"), "active", "hovedprosjekt", "7", null);
    }

    @Test
    void anUpdateNeedsTheVersionAndChangesNothingWhenRefused() {
        String name = ProjectFixtures.unique("Uendret");
        long id = existing(name);
        Draft noVersion = draft(d -> d.name = name + " ny");
        assertOnly(refused(() -> service.update(id, noVersion.input(), new Errors())), "version", "error.required");
        Draft bad = draft(d -> {
            d.name = name + " ny";
            d.version = 0L;
            d.expectedNewJobs = dec("1.25");
        });
        assertOnly(refused(() -> service.update(id, bad.input(), new Errors())),
                "expectedNewJobs", "project.error.onedecimal");
        Project p = ProjectFixtures.load(id);
        assertEquals(name, p.name);
        assertEquals(0, p.version);
        Draft good = draft(d -> {
            d.name = name + " ny";
            d.version = 0L;
        });
        assertEquals(name + " ny", service.update(id, good.input(), new Errors()).name);
    }

    @Test
    void anUpdateOfAStaleVersionIsAConflictAndOfAnUnknownProjectNotFound() {
        long id = existing(ProjectFixtures.unique("Konflikt"));
        Draft stale = draft(d -> d.version = 5L);
        assertThrows(ConflictException.class, () -> service.update(id, stale.input(), new Errors()));
        Draft any = draft(d -> d.version = 0L);
        assertThrows(NotFoundException.class, () -> service.update(99999999L, any.input(), new Errors()));
        assertEquals(0, ProjectFixtures.load(id).version);
    }
}
