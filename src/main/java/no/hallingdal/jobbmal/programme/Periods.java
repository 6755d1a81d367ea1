package no.hallingdal.jobbmal.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a programme's periods that need no database (docs/rules.md, "Periods"): periods of one programme
 * never overlap; targets that do not sum to the goal and a programme of more than six years are warnings, not
 * errors. Pure functions, tested with plain JUnit (PeriodsTest).
 */
public final class Periods {

    /** Omstillingsstatus is granted for up to six years (usually 3 + 3); longer gives a warning. */
    public static final int MAX_TOTAL_YEARS = 6;

    private Periods() {
    }

    /** A period's dates, both days included. */
    public record Span(LocalDate start, LocalDate end) {
        /** Whether the two share at least one day (adjacent periods, one ending the day before the other starts, do not). */
        public boolean overlaps(Span other) {
            return !start.isAfter(other.end) && !other.start.isAfter(end);
        }

        public static Span of(Period p) {
            return new Span(p.startDate, p.endDate);
        }
    }

    /**
     * A warning: a stable code (API), the period's index from 1 (null when it is about the whole programme), and a
     * message key with its arguments.
     */
    public record Warning(String code, Integer period, String messageKey, Object... args) {
    }

    /** The position (from 0) of the first span but {@code self} that overlaps {@code candidate}, or -1. */
    public static int overlapping(List<Span> spans, int self, Span candidate) {
        for (int i = 0; i < spans.size(); i++) {
            if (i != self && spans.get(i).overlaps(candidate)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The position of the first span before {@code j} that overlaps span {@code j}, or -1; null spans (periods
     * whose dates are missing or wrong) overlap nothing.
     */
    public static int firstOverlapBefore(List<Span> spans, int j) {
        Span candidate = spans.get(j);
        for (int i = 0; candidate != null && i < j; i++) {
            if (spans.get(i) != null && spans.get(i).overlaps(candidate)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the programme runs more than six years, from its first period's start to its last period's end. */
    public static boolean longerThanSixYears(LocalDate firstStart, LocalDate lastEnd) {
        return !lastEnd.isBefore(firstStart.plusYears(MAX_TOTAL_YEARS));
    }

    /**
     * The warnings of one period's targets: annual targets that do not sum to the goal; focus-area targets (when
     * any are set, {@code focusSum} not null) that do not.
     */
    public static List<Warning> targetWarnings(Integer index, int goal, int annualSum, Integer focusSum) {
        List<Warning> warnings = new ArrayList<>();
        if (annualSum != goal) {
            warnings.add(new Warning("annual-targets-sum", index, "programme.warning.annual", annualSum, goal));
        }
        if (focusSum != null && focusSum != goal) {
            warnings.add(new Warning("focus-area-targets-sum", index, "programme.warning.focus", focusSum, goal));
        }
        return warnings;
    }

    /** Every warning of the programme's periods (in start order), then the six-year warning. */
    public static List<Warning> warnings(List<Period> periods) {
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            Integer focusSum = p.focusAreaTargets.isEmpty() ? null
                    : p.focusAreaTargets.stream().mapToInt(t -> t.target).sum();
            warnings.addAll(targetWarnings(i + 1, p.goal, p.annualTargets.stream().mapToInt(t -> t.target).sum(),
                    focusSum));
        }
        if (!periods.isEmpty()) {
            LocalDate first = periods.stream().map(p -> p.startDate).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = periods.stream().map(p -> p.endDate).max(LocalDate::compareTo).orElseThrow();
            if (longerThanSixYears(first, last)) {
                warnings.add(new Warning("longer-than-six-years", null, "period.warning.sixYears", MAX_TOTAL_YEARS,
                        first, last));
            }
        }
        return warnings;
    }
}
