package no.hallingdal.jobbmal.programme;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The migration seeds the programme and its annual targets exactly as in domain.md. */
@QuarkusTest
class SeededProgrammeTest {

    @Test
    void programmeAndAnnualTargetsAreSeeded() {
        QuarkusTransaction.requiringNew().run(() -> {
            Programme p = Programme.findByCode("sats-pa-hallingdal").orElseThrow();
            assertEquals("Sats på Hallingdal", p.name);
            assertEquals("Hallingdal", p.region);
            assertEquals("Regionrådet for Hallingdal", p.owner);
            assertEquals("33", p.countyCode);
            assertEquals(List.of("3320", "3322", "3324", "3326", "3328", "3330"),
                    p.municipalities.stream().map(m -> m.code).toList());
            assertEquals(1, p.periods.size());
            Period period = p.periods.get(0);
            assertEquals(200, period.goal);
            assertEquals(LocalDate.of(2022, 1, 1), period.startDate);
            assertEquals(LocalDate.of(2024, 12, 31), period.endDate);
            List<AnnualTarget> targets = period.annualTargets;
            assertEquals(List.of(2022, 2023, 2024), targets.stream().map(t -> t.year).toList());
            assertEquals(List.of(66, 67, 67), targets.stream().map(t -> t.target).toList());
            assertEquals(200, targets.stream().mapToInt(t -> t.target).sum());
        });
    }
}
