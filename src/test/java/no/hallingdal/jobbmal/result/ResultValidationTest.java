package no.hallingdal.jobbmal.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.FieldError;
import no.hallingdal.jobbmal.common.ForbiddenException;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.result.ResultTestData.Draft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static no.hallingdal.jobbmal.support.FieldErrors.assertNone;
import static no.hallingdal.jobbmal.support.FieldErrors.assertOnly;
import static no.hallingdal.jobbmal.support.FieldErrors.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every input rule of a result and both sides of every limit (docs/rules.md, "Input limits"), checked once,
 * against {@link ResultValidation#validate}: the one home that the form, the API and the import call. Each
 * refused case asserts the field, the message key and the arguments that carry the limit. The HTTP paths
 * keep one representative case each (ResultApiTest, ResultFormTest); the org. number arithmetic is
 * {@link OrgNumberTest}'s. Reasons and year locks, which the workflow adds, are in
 * {@link ResultReasonsAndYearLocksTest}.
 */
@QuarkusTest
class ResultValidationTest {

    /** "Today" here: 15 June 2024 in Oslo, at 00:30, when it is still the 14th in UTC. */
    static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

    @Inject
    ResultValidation validation;

    User admin;
    User lead;
    User otherLead;
    Project project;

    @BeforeEach
    void setUp() {
        QuarkusMock.installMockForType(Clock.fixed(TODAY.atTime(0, 30).atZone(Formats.ZONE).toInstant(),
                Formats.ZONE), Clock.class);
        admin = ResultTestData.user("admin", "admin");
        lead = ResultTestData.user(ResultTestData.LEAD, "lead");
        otherLead = ResultTestData.user(ResultTestData.OTHER_LEAD, "lead");
        project = ResultTestData.project("Regler", List.of("3324", "3328"), ResultTestData.LEAD);
    }

    /** What validate says about {@code draft} for {@code user}, and what it resolved. */
    record Checked(List<FieldError> errors, ResultValidation.Resolved resolved) {
    }

    Checked check(Draft draft, User user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Errors errors = new Errors();
            ResultValidation.Resolved resolved = validation.validate(draft.input(), user, errors);
            return new Checked(errors.list(), resolved);
        });
    }

    Draft draft(Consumer<Draft> change) {
        Draft d = new Draft(project.id);
        change.accept(d);
        return d;
    }

    private static Arguments refused(String what, Consumer<Draft> change, String field, String key, Object... args) {
        return Arguments.of(Named.of(what, change), field, key, List.of(args));
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    static Stream<Arguments> refusedInputs() {
        return Stream.of(
                refused("no project", d -> d.projectId = null, "projectId", "result.error.project.required"),
                refused("unknown project", d -> d.projectId = 987654321L,
                        "projectId", "result.error.project.unknown", 987654321L),
                refused("no municipality", d -> d.municipality = null, "municipality", "error.required"),
                refused("blank municipality", d -> d.municipality = "  ", "municipality", "error.required"),
                refused("unknown municipality code", d -> d.municipality = "9999",
                        "municipality", "error.unknown.municipality", "9999"),
                refused("unknown focus area", d -> d.focusArea = "fiske",
                        "focusArea", "error.unknown.focusarea", "fiske"),
                refused("no date", d -> d.date = null, "date", "error.required"),
                refused("tomorrow", d -> d.date = TODAY.plusDays(1), "date", "result.error.date.future"),
                refused("1999-12-31", d -> d.date = LocalDate.of(1999, 12, 31), "date", "result.error.date.early"),
                refused("2021-12-31, the day before the programme's first period", d -> d.date = LocalDate.of(2021, 12, 31),
                        "date", "result.error.date.beforeProgramme", LocalDate.of(2022, 1, 1)),
                refused("no kind", d -> d.kind = null, "kind", "error.required"),
                refused("unknown kind", d -> d.kind = "OLD_JOBS", "kind", "result.error.kind"),
                refused("no amount", d -> d.amount = null, "amount", "error.required"),
                refused("amount 0", d -> d.amount = BigDecimal.ZERO, "amount", "result.error.amount.positive"),
                refused("amount -1", d -> d.amount = dec("-1"), "amount", "result.error.amount.positive"),
                refused("amount 0.25 (two decimals)", d -> d.amount = dec("0.25"),
                        "amount", "result.error.amount.decimals"),
                refused("amount 500.1", d -> d.amount = dec("500.1"), "amount", "result.error.amount.max", 500),
                refused("amount 501", d -> d.amount = dec("501"), "amount", "result.error.amount.max", 500),
                refused("new company 1.5", d -> {
                    d.kind = "NEW_COMPANY";
                    d.amount = dec("1.5");
                    d.orgNumber = "964951462";
                }, "amount", "result.error.amount.whole"),
                refused("new company without org. number", d -> {
                    d.kind = "NEW_COMPANY";
                    d.amount = dec("1");
                }, "orgNumber", "result.error.orgNumber.required"),
                refused("women 1 + men 1 for 2.5", d -> {
                    d.women = dec("1");
                    d.men = dec("1");
                }, "women", "result.error.split", "2.5"),
                refused("women 2 alone for 2.5", d -> d.women = dec("2"), "women", "result.error.split", "2.5"),
                refused("women -1", d -> {
                    d.women = dec("-1");
                    d.men = dec("3.5");
                }, "women", "error.negative"),
                refused("men -1", d -> {
                    d.women = dec("3.5");
                    d.men = dec("-1");
                }, "men", "error.negative"),
                refused("men 0.25", d -> d.men = dec("0.25"), "men", "result.error.amount.decimals"),
                refused("a split beside a bad amount: only the amount is named", d -> {
                    d.amount = BigDecimal.ZERO;
                    d.women = dec("1");
                }, "amount", "result.error.amount.positive"),
                refused("company name of 201", d -> d.companyName = "y".repeat(201),
                        "companyName", "error.toolong", 200),
                refused("org. number with a wrong check digit", d -> d.orgNumber = "123456789",
                        "orgNumber", "result.error.orgNumber.checkDigit"),
                refused("org. number of 8 digits", d -> d.orgNumber = "12345678",
                        "orgNumber", "result.error.orgNumber.length"),
                refused("org. number of 10 digits", d -> d.orgNumber = "1234567850",
                        "orgNumber", "result.error.orgNumber.length"),
                refused("org. number with a letter", d -> d.orgNumber = "12345678A",
                        "orgNumber", "result.error.orgNumber.letters"),
                refused("no evidence", d -> d.evidence = null, "evidence", "result.error.evidence.required"),
                refused("blank evidence", d -> d.evidence = " \n ", "evidence", "result.error.evidence.required"),
                refused("evidence of 4001", d -> d.evidence = "x".repeat(4001),
                        "evidence", "result.error.evidence.toolong", 4000, 4001),
                refused("reason of 2001", d -> d.reason = "r".repeat(2001), "reason", "error.toolong", 2000));
    }

    @ParameterizedTest
    @MethodSource("refusedInputs")
    void refusedWithTheFieldAndTheMessage(Consumer<Draft> change, String field, String key, List<Object> args) {
        assertOnly(check(draft(change), admin).errors(), field, key, args);
    }

    static Stream<Arguments> acceptedInputs() {
        return Stream.<Arguments>of(
                accepted("as drafted", d -> {
                }),
                accepted("amount 0.1", d -> d.amount = dec("0.1")),
                accepted("amount 500", d -> d.amount = dec("500")),
                accepted("amount 500.0", d -> d.amount = dec("500.0")),
                accepted("amount 2.50 (one decimal, written with two)", d -> d.amount = dec("2.50")),
                accepted("today", d -> d.date = TODAY),
                accepted("2022-01-01, the first period's first day", d -> d.date = LocalDate.of(2022, 1, 1)),
                accepted("kind in lower case", d -> d.kind = "secured_jobs"),
                accepted("women + men = amount", d -> {
                    d.women = dec("1.0");
                    d.men = dec("1.5");
                }),
                accepted("women alone = amount", d -> d.women = dec("2.5")),
                accepted("women 0 + men = amount", d -> {
                    d.women = BigDecimal.ZERO;
                    d.men = dec("2.5");
                }),
                accepted("new company, whole number with an org. number", d -> {
                    d.kind = "NEW_COMPANY";
                    d.amount = dec("2.0");
                    d.orgNumber = "964951462";
                }),
                accepted("no org. number for new jobs", d -> d.orgNumber = null),
                accepted("no company name", d -> d.companyName = null),
                accepted("company name of 200", d -> d.companyName = "y".repeat(200)),
                accepted("evidence of 4000", d -> d.evidence = "x".repeat(4000)),
                accepted("evidence of 4000 between spaces", d -> d.evidence = "  " + "x".repeat(4000) + "\n"),
                accepted("reason of 2000", d -> d.reason = "r".repeat(2000)),
                accepted("focus area given", d -> d.focusArea = "baerekraft"));
    }

    private static Arguments accepted(String what, Consumer<Draft> change) {
        return Arguments.of(Named.of(what, change));
    }

    @ParameterizedTest
    @MethodSource("acceptedInputs")
    void acceptedWithoutErrors(Consumer<Draft> change) {
        assertNone(check(draft(change), admin).errors());
    }

    @Test
    void municipalityOutsideTheProjectIsRefusedNamingBoth() {
        assertOnly(check(draft(d -> d.municipality = "3320"), admin).errors(),
                "municipality", "result.error.municipality.notInProject", "Flå", project.name);
    }

    @Test
    void formerMunicipalityCodeIsAcceptedAndStoredAsTheCurrentOne() {
        Checked c = check(draft(d -> d.municipality = "3041"), admin);
        assertNone(c.errors());
        assertEquals("3324", c.resolved().municipality().code);
    }

    @Test
    void focusAreaDefaultsToTheProjects() {
        assertEquals("innovasjon", check(draft(d -> d.focusArea = null), admin).resolved().focusArea().code);
        assertEquals("baerekraft", check(draft(d -> d.focusArea = "baerekraft"), admin).resolved().focusArea().code);
    }

    /** The valid examples of docs/rules.md, and the spaces, "NO" and "MVA" that are stripped. */
    @ParameterizedTest
    @CsvSource({"123456785, 123456785", "964951462, 964951462", "NO 123 456 785 MVA, 123456785",
        "no964951462mva, 964951462"})
    void orgNumberIsAcceptedAndNormalised(String given, String stored) {
        Checked c = check(draft(d -> d.orgNumber = given), admin);
        assertNone(c.errors());
        assertEquals(stored, c.resolved().orgNumber());
    }

    @Test
    void newCompanyTakesAnOrgNumberInAnyWritingToo() {
        Checked c = check(draft(d -> {
            d.kind = "NEW_COMPANY";
            d.amount = dec("1");
            d.orgNumber = "NO 123 456 785 MVA";
        }), admin);
        assertNone(c.errors());
        assertEquals(ResultKind.NEW_COMPANY, c.resolved().kind());
        assertEquals("123456785", c.resolved().orgNumber());
    }

    @Test
    void leadRegistersForTheirOwnProjectOnly() {
        assertNone(check(draft(d -> {
        }), lead).errors());
        Project others = ResultTestData.project("Annens", List.of("3324"), ResultTestData.OTHER_LEAD);
        assertThrows(ForbiddenException.class, () -> check(draft(d -> d.projectId = others.id), lead));
        assertNone(check(draft(d -> d.projectId = others.id), otherLead).errors());
        // an admin registers for any project
        assertNone(check(draft(d -> d.projectId = others.id), admin).errors());
    }

    @Test
    void unknownProjectIsAFieldErrorNotAForbiddenProjectEvenForALead() {
        assertOnly(check(draft(d -> d.projectId = 987654321L), lead).errors(),
                "projectId", "result.error.project.unknown", 987654321L);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        List<FieldError> errors = check(draft(d -> {
            d.amount = BigDecimal.ZERO;
            d.date = TODAY.plusDays(1);
            d.evidence = null;
            d.orgNumber = "12345678A";
        }), admin).errors();
        assertEquals(List.of("date result.error.date.future []", "amount result.error.amount.positive []",
                "orgNumber result.error.orgNumber.letters []", "evidence result.error.evidence.required []"),
                describe(errors));
    }

    /** "Today" is the date in Oslo: at 00:30 on the 15th the 15th is accepted, though UTC still says the 14th. */
    @Test
    void todayIsTheDateInOslo() {
        assertNotEquals(TODAY, LocalDate.now(Clock.fixed(TODAY.atTime(0, 30).atZone(Formats.ZONE).toInstant(),
                ZoneOffset.UTC)), "the clock is set where Oslo and UTC disagree");
        assertEquals(TODAY, validation.today());
        assertNone(check(draft(d -> d.date = TODAY), admin).errors());
        assertOnly(check(draft(d -> d.date = TODAY.plusDays(1)), admin).errors(), "date", "result.error.date.future");
    }
}
