package no.hallingdal.jobbmal.programme;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The period rules that need no database: overlap, the six-year warning, targets that do not sum to the goal. */
class PeriodsTest {

    private static Periods.Span span(String start, String end) {
        return new Periods.Span(LocalDate.parse(start), LocalDate.parse(end));
    }

    private static final Periods.Span FIRST = span("2022-01-01", "2024-12-31");

    @Test
    void periodsThatShareADayOverlap() {
        assertTrue(FIRST.overlaps(span("2024-12-31", "2027-12-31")), "the last day of the first is the first of the next");
        assertTrue(span("2024-12-31", "2027-12-31").overlaps(FIRST), "both ways");
        assertTrue(FIRST.overlaps(span("2021-01-01", "2022-01-01")), "ends on the first day");
        assertTrue(FIRST.overlaps(span("2023-01-01", "2023-06-30")), "inside");
        assertTrue(FIRST.overlaps(span("2020-01-01", "2030-12-31")), "around");
    }

    @Test
    void adjacentPeriodsDoNotOverlap() {
        assertFalse(FIRST.overlaps(span("2025-01-01", "2027-12-31")), "starts the day after the end");
        assertFalse(FIRST.overlaps(span("2019-01-01", "2021-12-31")), "ends the day before the start");
    }

    @Test
    void overlappingSkipsThePeriodItself() {
        List<Periods.Span> spans = List.of(FIRST, span("2025-01-01", "2027-12-31"));
        assertEquals(-1, Periods.overlapping(spans, 0, span("2021-06-01", "2024-12-31")), "moving the first earlier");
        assertEquals(1, Periods.overlapping(spans, 0, span("2022-01-01", "2025-01-01")), "into the second");
        assertEquals(0, Periods.overlapping(spans, -1, span("2024-06-01", "2024-12-31")), "a new one inside the first");
        assertEquals(-1, Periods.overlapping(spans, -1, span("2028-01-01", "2030-12-31")), "a new one after both");
    }

    @Test
    void firstOverlapBeforeIgnoresPeriodsWithoutValidDates() {
        List<Periods.Span> spans = Arrays.asList(FIRST, null, span("2024-01-01", "2025-12-31"));
        assertEquals(-1, Periods.firstOverlapBefore(spans, 0));
        assertEquals(-1, Periods.firstOverlapBefore(spans, 1), "a period without dates overlaps nothing");
        assertEquals(0, Periods.firstOverlapBefore(spans, 2));
    }

    @Test
    void sixYearsAreFineOneDayMoreIsAWarning() {
        LocalDate start = LocalDate.of(2022, 1, 1);
        assertFalse(Periods.longerThanSixYears(start, LocalDate.of(2027, 12, 31)), "exactly six years (3 + 3)");
        assertTrue(Periods.longerThanSixYears(start, LocalDate.of(2028, 1, 1)), "six years and a day");
        assertFalse(Periods.longerThanSixYears(start, LocalDate.of(2024, 12, 31)), "three years");
    }

    @Test
    void targetsThatDoNotSumToTheGoalAreWarnings() {
        assertTrue(Periods.targetWarnings(1, 200, 200, null).isEmpty(), "annual targets sum to the goal, no focus targets");
        assertTrue(Periods.targetWarnings(1, 200, 200, 200).isEmpty(), "both sum to the goal");
        List<Periods.Warning> w = Periods.targetWarnings(2, 200, 199, 201);
        assertEquals(List.of("annual-targets-sum", "focus-area-targets-sum"), w.stream().map(Periods.Warning::code).toList());
        assertEquals(2, w.get(0).period());
        assertEquals(List.of(199, 200), List.of(w.get(0).args()));
        assertEquals(List.of(201, 200), List.of(w.get(1).args()));
    }

    @Test
    void programmeWarningsNameThePeriodAndTheWholeProgramme() {
        Period first = period("2022-01-01", "2024-12-31", 200, 66, 67, 67);
        Period second = period("2025-01-01", "2028-06-30", 100, 30, 30, 30, 0);
        List<Periods.Warning> w = Periods.warnings(List.of(first, second));
        assertEquals(List.of("annual-targets-sum", "longer-than-six-years"), w.stream().map(Periods.Warning::code).toList());
        assertEquals(2, w.get(0).period(), "the second period's targets sum to 90, not 100");
        assertEquals(null, w.get(1).period(), "the six years are the whole programme's");
        assertTrue(Periods.warnings(List.of(first)).isEmpty(), "Sats på Hallingdal's period 1 has no warning");
        assertTrue(Periods.warnings(List.of()).isEmpty());
    }

    private static Period period(String start, String end, int goal, int... targets) {
        Period p = new Period();
        p.startDate = LocalDate.parse(start);
        p.endDate = LocalDate.parse(end);
        p.goal = goal;
        for (int i = 0; i < targets.length; i++) {
            AnnualTarget t = new AnnualTarget();
            t.year = p.startDate.getYear() + i;
            t.target = targets[i];
            p.annualTargets.add(t);
        }
        return p;
    }
}
