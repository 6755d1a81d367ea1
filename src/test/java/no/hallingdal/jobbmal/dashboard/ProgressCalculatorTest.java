package no.hallingdal.jobbmal.dashboard;

import no.hallingdal.jobbmal.dashboard.ProgressCalculator.Figures;
import no.hallingdal.jobbmal.programme.PeriodState;
import no.hallingdal.jobbmal.dashboard.ProgressCalculator.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The formulas of domain.md, checked against figures computed by hand. */
class ProgressCalculatorTest {

    static final BigDecimal GOAL = new BigDecimal("200");
    static final LocalDate START = LocalDate.of(2022, 1, 1);
    static final LocalDate END = LocalDate.of(2024, 12, 31);

    static Figures at(String today, String counted) {
        return ProgressCalculator.compute(GOAL, START, END, LocalDate.parse(today), new BigDecimal(counted));
    }

    @Test
    void periodOfHallingdalHas1096Days() {
        Figures f = at("2022-01-01", "0");
        assertEquals(1096, f.daysInPeriod());
        assertEquals(1, f.elapsedDays());
        assertEquals(1095, f.remainingDays());
        assertEquals(PeriodState.RUNNING, f.state());
    }

    @Test
    void midPeriodFigures() {
        // 2023-07-02: elapsed = 365 + 182 + 1 = 548 days of 1096 = 50.0 %
        Figures f = at("2023-07-02", "80");
        assertEquals(548, f.elapsedDays());
        assertEquals(new BigDecimal("50.0"), f.percentOfTime());
        assertEquals(new BigDecimal("40.0"), f.percentOfGoal());
        // forecast = 80 × 1096 / 548 = 160.0; 160 < 170 (0.85 × 200) -> behind
        assertEquals(new BigDecimal("160.0"), f.forecastAtEnd());
        assertEquals(Status.BEHIND, f.status());
        // pace = 120 / (548 / 30.44) = 120 × 30.44 / 548 = 6.6657 -> 6.7
        assertEquals(new BigDecimal("6.7"), f.requiredPerMonth());
    }

    @ParameterizedTest(name = "counted {0} at mid-period gives {1}")
    @CsvSource({
            "100, on-track",   // forecast exactly 200 = goal
            "99.9, at-risk",   // forecast 199.8
            "85, at-risk",     // forecast exactly 170 = 0.85 × goal
            "84.9, behind",    // forecast 169.8
            "0, behind"
    })
    void statusBoundaries(String counted, String status) {
        Figures f = at("2023-07-02", counted);
        assertEquals(status, f.status().code);
    }

    @Test
    void beforeStart() {
        Figures f = at("2021-12-31", "0");
        assertEquals(PeriodState.NOT_STARTED, f.state());
        assertEquals(0, f.elapsedDays());
        assertEquals(new BigDecimal("0.0"), f.percentOfTime());
        assertEquals(new BigDecimal("0.0"), f.forecastAtEnd());
        assertEquals(Status.NOT_STARTED, f.status());
        // pace = 200 × 30.44 / 1096 = 5.5547 -> 5.6
        assertEquals(new BigDecimal("5.6"), f.requiredPerMonth());
    }

    @Test
    void afterEndTheForecastIsTheResult() {
        Figures f = at("2025-03-01", "201.5");
        assertEquals(PeriodState.ENDED, f.state());
        assertEquals(1096, f.elapsedDays());
        assertEquals(new BigDecimal("100.0"), f.percentOfTime());
        assertEquals(new BigDecimal("201.5"), f.forecastAtEnd());
        assertEquals(new BigDecimal("100.8"), f.percentOfGoal());
        assertEquals(Status.REACHED, f.status());
        // no pace once the period has ended: none, not 0
        assertEquals(null, f.requiredPerMonth());
        assertEquals(Status.REACHED, at("2025-01-01", "200").status());
        assertEquals(Status.NOT_REACHED, at("2025-01-01", "199.9").status());
        assertEquals(new BigDecimal("199.9"), at("2025-01-01", "199.9").forecastAtEnd());
    }

    @Test
    void lastDayOfPeriod() {
        Figures f = at("2024-12-31", "150");
        assertEquals(1096, f.elapsedDays());
        assertEquals(0, f.remainingDays());
        assertEquals(new BigDecimal("150.0"), f.forecastAtEnd());
        // 50 missing with one day left: 50 × 30.44 / 1 (there is no pace only after the end)
        assertEquals(new BigDecimal("1522.0"), f.requiredPerMonth());
    }

    @Test
    void countedAboveGoalNeedsNoPace() {
        assertEquals(BigDecimal.ZERO.setScale(1), at("2023-01-01", "250").requiredPerMonth());
    }

    @Test
    void percentagesRoundHalfUp() {
        // 0.1 / 200 × 100 = 0.05 -> 0.1 (half-up)
        assertEquals(new BigDecimal("0.1"), at("2022-06-01", "0.1").percentOfGoal());
        // 133.3 / 200 = 66.65 -> 66.7
        assertEquals(new BigDecimal("66.7"), at("2022-06-01", "133.3").percentOfGoal());
    }

    @Test
    void trajectorySpreadsEachYearOverItsMonths() {
        List<ProgressCalculator.MonthTarget> t = ProgressCalculator.trajectory(START, END,
                Map.of(2022, new BigDecimal("66"), 2023, new BigDecimal("67"), 2024, new BigDecimal("67")));
        assertEquals(36, t.size());
        assertEquals(YearMonth.of(2022, 1), t.get(0).month());
        assertEquals(new BigDecimal("5.5"), t.get(0).cumulativeTarget());   // 66 / 12
        assertEquals(new BigDecimal("66.0"), t.get(11).cumulativeTarget());
        assertEquals(new BigDecimal("71.6"), t.get(12).cumulativeTarget()); // 66 + 67/12 = 71.58
        assertEquals(new BigDecimal("133.0"), t.get(23).cumulativeTarget());
        assertEquals(new BigDecimal("200.0"), t.get(35).cumulativeTarget());
    }

    @Test
    void trajectoryForAPeriodStartingMidYear() {
        List<ProgressCalculator.MonthTarget> t = ProgressCalculator.trajectory(LocalDate.of(2022, 7, 15),
                LocalDate.of(2023, 6, 30), Map.of(2022, new BigDecimal("30"), 2023, new BigDecimal("60")));
        assertEquals(12, t.size());
        assertEquals(new BigDecimal("5.0"), t.get(0).cumulativeTarget());   // 30 over Jul–Dec
        assertEquals(new BigDecimal("30.0"), t.get(5).cumulativeTarget());
        assertEquals(new BigDecimal("40.0"), t.get(6).cumulativeTarget());  // + 60 over Jan–Jun
        assertEquals(new BigDecimal("90.0"), t.get(11).cumulativeTarget());
    }
}
