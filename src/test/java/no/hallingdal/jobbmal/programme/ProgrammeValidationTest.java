package no.hallingdal.jobbmal.programme;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static no.hallingdal.jobbmal.support.FieldErrors.assertOnly;
import static no.hallingdal.jobbmal.support.FieldErrors.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every input rule of the programme and both sides of every limit (docs/rules.md, "Input limits"), checked
 * once, against {@link ProgrammeService#update}: the one path of the admin page and the API. Each refused case
 * asserts the field, the message key and the arguments that carry the limit, and that nothing changed; each
 * accepted one that it was saved. The programme is one shared row, put back to the seeded state around each
 * test. The HTTP paths keep one representative case each (ProgrammeTest).
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "admin", roles = "admin")
class ProgrammeValidationTest {

    @Inject
    ProgrammeService service;

    @BeforeEach
    @AfterEach
    void restoreSeed() {
        ProgrammeFixtures.restoreSeed();
    }

    /** The seeded programme as the page or the API sends it back; a test changes what it is about. */
    static final class Draft {
        String name = "Sats på Hallingdal";
        String region = "Hallingdal";
        String owner = "Regionrådet for Hallingdal";
        String county = "Buskerud fylkeskommune";
        Long goal = 200L;
        LocalDate periodStart = LocalDate.of(2022, 1, 1);
        LocalDate periodEnd = LocalDate.of(2024, 12, 31);
        Long version = ProgrammeFixtures.version();
        Map<Integer, Long> annualTargets = new TreeMap<>(Map.of(2022, 66L, 2023, 67L, 2024, 67L));
        Map<String, Long> focusAreaTargets = new LinkedHashMap<>();

        ProgrammeInput input() {
            return new ProgrammeInput(name, region, owner, county, goal, periodStart, periodEnd, version,
                    annualTargets, focusAreaTargets);
        }
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

    static Stream<Arguments> refusedInputs() {
        return Stream.of(
                refusedCase("no name", d -> d.name = null, "name", "error.required"),
                refusedCase("blank name", d -> d.name = " ", "name", "error.required"),
                refusedCase("name of 201", d -> d.name = "n".repeat(201), "name", "error.toolong", 200),
                refusedCase("no region", d -> d.region = null, "region", "error.required"),
                refusedCase("region of 201", d -> d.region = "r".repeat(201), "region", "error.toolong", 200),
                refusedCase("no owner", d -> d.owner = null, "owner", "error.required"),
                refusedCase("owner of 201", d -> d.owner = "o".repeat(201), "owner", "error.toolong", 200),
                refusedCase("no county", d -> d.county = null, "county", "error.required"),
                refusedCase("county of 201", d -> d.county = "c".repeat(201), "county", "error.toolong", 200),
                refusedCase("no goal", d -> d.goal = null, "goal", "error.required"),
                refusedCase("goal 0", d -> d.goal = 0L, "goal", "programme.error.goal", 1_000_000L),
                refusedCase("goal -5", d -> d.goal = -5L, "goal", "programme.error.goal", 1_000_000L),
                refusedCase("goal 1 000 001", d -> d.goal = 1_000_001L, "goal", "programme.error.goal", 1_000_000L),
                refusedCase("no start", d -> d.periodStart = null, "periodStart", "error.required"),
                refusedCase("no end", d -> d.periodEnd = null, "periodEnd", "error.required"),
                refusedCase("end the day before the start", d -> d.periodEnd = LocalDate.of(2021, 12, 31),
                        "periodEnd", "programme.error.endbeforestart"),
                refusedCase("21 calendar years", d -> d.periodEnd = LocalDate.of(2042, 1, 1),
                        "periodEnd", "programme.error.period", 20),
                refusedCase("annual target -1", d -> d.annualTargets.put(2023, -1L),
                        "annualTargets.2023", "programme.error.target", 1_000_000L),
                refusedCase("annual target 1 000 001", d -> d.annualTargets.put(2023, 1_000_001L),
                        "annualTargets.2023", "programme.error.target", 1_000_000L),
                refusedCase("focus-area target -1", d -> d.focusAreaTargets.put("innovasjon", -1L),
                        "focusAreaTargets.innovasjon", "programme.error.target", 1_000_000L),
                refusedCase("focus-area target 1 000 001", d -> d.focusAreaTargets.put("innovasjon", 1_000_001L),
                        "focusAreaTargets.innovasjon", "programme.error.target", 1_000_000L),
                refusedCase("unknown focus area", d -> d.focusAreaTargets.put("fiske", 5L),
                        "focusAreaTargets.fiske", "error.unknown.focusarea", "fiske"),
                refusedCase("no version", d -> d.version = null, "version", "error.required"));
    }

    @ParameterizedTest
    @MethodSource("refusedInputs")
    void refusedWithTheFieldAndTheMessageAndNothingChanged(Consumer<Draft> change, String field, String key,
            List<Object> args) {
        Draft d = draft(change);
        long version = ProgrammeFixtures.version();
        assertOnly(refused(() -> service.update(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), d.input(), new Errors())), field, key, args);
        assertEquals(version, ProgrammeFixtures.version());
    }

    static Stream<Arguments> acceptedInputs() {
        return Stream.of(
                acceptedCase("name, region, owner and county of 200", d -> {
                    d.name = "n".repeat(200);
                    d.region = "r".repeat(200);
                    d.owner = "o".repeat(200);
                    d.county = "c".repeat(200);
                }),
                acceptedCase("goal 1", d -> d.goal = 1L),
                acceptedCase("goal 1 000 000", d -> d.goal = 1_000_000L),
                acceptedCase("a period of one day", d -> d.periodEnd = d.periodStart),
                acceptedCase("20 calendar years", d -> d.periodEnd = LocalDate.of(2041, 12, 31)),
                acceptedCase("annual targets 0 and 1 000 000", d -> {
                    d.annualTargets.put(2022, 0L);
                    d.annualTargets.put(2023, 1_000_000L);
                }),
                acceptedCase("focus-area targets 0 and 1 000 000", d -> {
                    d.focusAreaTargets.put("innovasjon", 0L);
                    d.focusAreaTargets.put("baerekraft", 1_000_000L);
                }));
    }

    private static Arguments acceptedCase(String what, Consumer<Draft> change) {
        return Arguments.of(Named.of(what, change));
    }

    @ParameterizedTest
    @MethodSource("acceptedInputs")
    void acceptedAndSaved(Consumer<Draft> change) {
        Draft d = draft(change);
        service.update(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), d.input(), new Errors());
        QuarkusTransaction.requiringNew().run(() -> {
            Programme p = Programme.findByCode(no.hallingdal.jobbmal.support.Fixture.SEEDED).orElseThrow();
            Period period = p.periods.get(0);
            assertEquals(List.of(d.name, d.region, d.owner, d.county), List.of(p.name, p.region, p.owner, p.countyName));
            assertEquals(d.goal.longValue(), period.goal);
            assertEquals(d.periodStart, period.startDate);
            assertEquals(d.periodEnd, period.endDate);
            for (AnnualTarget t : period.annualTargets) {
                assertEquals(d.annualTargets.getOrDefault(t.year, 0L).longValue(), t.target, "target of " + t.year);
            }
            Map<String, Long> focus = new TreeMap<>();
            period.focusAreaTargets.forEach(t -> focus.put(t.focusArea.code, (long) t.target));
            assertEquals(new TreeMap<>(d.focusAreaTargets), focus);
        });
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        Draft d = draft(x -> {
            x.version = x.version - 1;
            x.goal = 300L;
        });
        assertThrows(ConflictException.class, () -> service.update(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), d.input(), new Errors()));
        assertEquals(200, (int) QuarkusTransaction.requiringNew().call(() ->
                Programme.findByCode(no.hallingdal.jobbmal.support.Fixture.SEEDED).orElseThrow().periods.get(0).goal));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        List<String> fields = refused(() -> service.update(no.hallingdal.jobbmal.support.Fixture.seededProgramme(), draft(d -> {
            d.name = null;
            d.goal = 0L;
            d.periodEnd = LocalDate.of(2021, 1, 1);
            d.annualTargets.put(2022, -1L);
        }).input(), new Errors())).stream().map(e -> e.field()).toList();
        assertEquals(List.of("name", "goal", "periodEnd", "annualTargets.2022"), fields);
    }
}
