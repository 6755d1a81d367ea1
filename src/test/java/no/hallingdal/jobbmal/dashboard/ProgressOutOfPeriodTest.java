package no.hallingdal.jobbmal.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.support.Fixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Results dated outside every period (docs/rules.md, "Programmes and periods") are kept and shown apart, never toward a goal:
 * the headline, the years and the months count only the period's, and they still add up.
 */
@QuarkusTest
class ProgressOutOfPeriodTest {

    @Inject
    ProgressService service;

    @Inject
    EntityManager em;

    @Test
    void resultsOutsideEveryPeriodAreShownApartAndTheRestAddsUp() {
        Fixture fx = new Fixture(em);
        long p = fx.project("Utenfor perioden " + System.nanoTime(), "innovasjon", "10");
        fx.result(p, "3324", "innovasjon", "2021-06-01", "NEW_JOBS", "1.5", null, null, "APPROVED", null, null, null);
        fx.result(p, "3324", "innovasjon", "2023-06-01", "NEW_JOBS", "2.0", null, null, "APPROVED", null, null, null);
        fx.result(p, "3324", "innovasjon", "2025-03-01", "NEW_JOBS", "4.0", null, null, "APPROVED", null, null, null);
        fx.result(p, "3324", "innovasjon", "2025-04-01", "NEW_JOBS", "0.5", null, null, "PENDING", null, null, null);
        Progress pr = QuarkusTransaction.requiringNew().call(() ->
                service.progress(Fixture.progressFilter(null, null, null, p), Messages.NB, LocalDate.of(2025, 6, 1)));
        assertEquals(new BigDecimal("2.0"), pr.countedNewJobs());
        assertEquals(new BigDecimal("0.0"), pr.pendingNewJobs());
        assertEquals(new BigDecimal("5.5"), pr.outsidePeriods().countedNewJobs());
        assertEquals(new BigDecimal("0.5"), pr.outsidePeriods().pendingNewJobs());
        BigDecimal sum = pr.byYear().stream().map(Progress.YearRow::counted).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(pr.countedNewJobs()));
        Progress.MonthRow last = pr.byMonth().get(pr.byMonth().size() - 1);
        assertEquals(new BigDecimal("2.0"), last.counted());
        assertEquals(new BigDecimal("0.0"), last.pending());
        // the whole programme (its one period) counts the same and shows the same apart
        Progress whole = QuarkusTransaction.requiringNew().call(() -> service.progress(
                new ProgressFilter(Fixture.seededProgramme().id, ProgressFilter.WHOLE, null, null, null, p),
                Messages.NB, LocalDate.of(2025, 6, 1)));
        assertEquals(new BigDecimal("2.0"), whole.countedNewJobs());
        assertEquals(new BigDecimal("5.5"), whole.outsidePeriods().countedNewJobs());
    }
}
