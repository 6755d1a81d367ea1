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

/** Results dated before or after the period still add up: years, months and the headline agree. */
@QuarkusTest
class ProgressOutOfPeriodTest {

    @Inject
    ProgressService service;

    @Inject
    EntityManager em;

    @Test
    void yearsAndMonthsAddUpToTheHeadline() {
        Fixture fx = new Fixture(em);
        long p = fx.project("Utenfor perioden " + System.nanoTime(), "innovasjon", "10");
        fx.result(p, "3324", "innovasjon", "2021-06-01", "NEW_JOBS", "1.5", null, null, "APPROVED", null, null, null);
        fx.result(p, "3324", "innovasjon", "2023-06-01", "NEW_JOBS", "2.0", null, null, "APPROVED", null, null, null);
        fx.result(p, "3324", "innovasjon", "2025-03-01", "NEW_JOBS", "4.0", null, null, "APPROVED", null, null, null);
        fx.result(p, "3324", "innovasjon", "2025-04-01", "NEW_JOBS", "0.5", null, null, "PENDING", null, null, null);
        Progress pr = QuarkusTransaction.requiringNew().call(() ->
                service.progress(new ProgressFilter(null, null, null, p), Messages.NB, LocalDate.of(2025, 6, 1)));
        assertEquals(new BigDecimal("7.5"), pr.countedNewJobs());
        assertEquals(new BigDecimal("0.5"), pr.pendingNewJobs());
        assertEquals(5, pr.byYear().size()); // 2021, 2022, 2023, 2024, 2025
        assertEquals(2021, pr.byYear().get(0).year());
        assertEquals(2025, pr.byYear().get(4).year());
        BigDecimal sum = pr.byYear().stream().map(Progress.YearRow::counted).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(pr.countedNewJobs()));
        Progress.MonthRow last = pr.byMonth().get(pr.byMonth().size() - 1);
        assertEquals("2024-12", last.month());
        assertEquals(new BigDecimal("7.5"), last.counted());
        assertEquals(new BigDecimal("0.5"), last.pending());
        assertEquals(new BigDecimal("1.5"), pr.byMonth().get(0).counted()); // 2021 counts from the first month
    }
}
