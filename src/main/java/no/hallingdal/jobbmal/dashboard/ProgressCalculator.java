package no.hallingdal.jobbmal.dashboard;

import no.hallingdal.jobbmal.programme.PeriodState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The progress formulas (docs/dashboard.md, "One source of figures"), as pure functions of the goal, the period,
 * today and the counted new jobs. Amounts stay exact decimals; derived figures are rounded half-up to
 * one decimal only in {@link Figures}. Comparisons for the status use exact arithmetic, so a forecast
 * of exactly the goal is on track.
 */
public final class ProgressCalculator {

    /** Days per month used for "remaining months" (remaining days ÷ 30.44). */
    public static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.44");
    static final BigDecimal AT_RISK_SHARE = new BigDecimal("0.85");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ProgressCalculator() {
    }

    /**
     * The status of a period: while it runs on-track / at-risk / behind, once ended reached / not-reached, before
     * it starts not-started (docs/rules.md, "Programmes and periods").
     */
    public enum Status {
        ON_TRACK("on-track"), AT_RISK("at-risk"), BEHIND("behind"), REACHED("reached"), NOT_REACHED("not-reached"),
        NOT_STARTED("not-started");

        public final String code;

        Status(String code) {
            this.code = code;
        }
    }

    /**
     * The figures derived from goal, period, today and the counted new jobs. {@code requiredPerMonth} is null once
     * the period has ended: there is no pace to keep any more, which is not the same as 0.
     */
    public record Figures(long daysInPeriod, long elapsedDays, long remainingDays, BigDecimal percentOfGoal,
            BigDecimal percentOfTime, BigDecimal forecastAtEnd, Status status, BigDecimal requiredPerMonth,
            PeriodState state) {
    }

    public static Figures compute(BigDecimal goal, LocalDate start, LocalDate end, LocalDate today,
            BigDecimal counted) {
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        long elapsed = Math.max(0, Math.min(days, ChronoUnit.DAYS.between(start, today) + 1));
        long remaining = days - elapsed;
        PeriodState state = today.isBefore(start) ? PeriodState.NOT_STARTED
                : today.isAfter(end) ? PeriodState.ENDED : PeriodState.RUNNING;

        BigDecimal percentOfGoal = goal.signum() == 0 ? BigDecimal.ZERO : percentOf(counted, goal);
        BigDecimal percentOfTime = BigDecimal.valueOf(elapsed).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(days), 1, RoundingMode.HALF_UP);

        // forecast = counted × days / elapsed while the period runs; counted once ended; 0 before it starts
        BigDecimal forecast;
        Status status;
        switch (state) {
            case NOT_STARTED -> {
                forecast = BigDecimal.ZERO;
                status = Status.NOT_STARTED;
            }
            case ENDED -> {
                forecast = counted;
                status = counted.compareTo(goal) >= 0 ? Status.REACHED : Status.NOT_REACHED;
            }
            default -> {
                BigDecimal numerator = counted.multiply(BigDecimal.valueOf(days));
                forecast = numerator.divide(BigDecimal.valueOf(elapsed), 1, RoundingMode.HALF_UP);
                status = statusOf(numerator, BigDecimal.valueOf(elapsed), goal);
            }
        }

        BigDecimal required;
        if (state == PeriodState.ENDED) {
            required = null;
        } else {
            BigDecimal missing = goal.subtract(counted).max(BigDecimal.ZERO);
            // missing / (remaining / 30.44) = missing × 30.44 / remaining; on the last day of the period
            // (no whole day remains) today itself is what remains, so the pace is not shown as 0
            long left = Math.max(1, remaining);
            required = missing.multiply(DAYS_PER_MONTH).divide(BigDecimal.valueOf(left), 1, RoundingMode.HALF_UP);
        }
        return new Figures(days, elapsed, remaining, percentOfGoal, percentOfTime,
                forecast.setScale(1, RoundingMode.HALF_UP), status, required, state);
    }

    /** {@code part} as a percentage of {@code whole} (not zero), rounded half-up to one decimal. */
    public static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }

    /** Status of forecast = numerator / denominator against the goal, compared exactly. */
    static Status statusOf(BigDecimal numerator, BigDecimal denominator, BigDecimal goal) {
        BigDecimal goalTimesDen = goal.multiply(denominator);
        if (numerator.compareTo(goalTimesDen) >= 0) {
            return Status.ON_TRACK;
        }
        if (numerator.compareTo(goalTimesDen.multiply(AT_RISK_SHARE)) >= 0) {
            return Status.AT_RISK;
        }
        return Status.BEHIND;
    }

    /** One month of the target trajectory: the cumulative target at the end of that month. */
    public record MonthTarget(YearMonth month, BigDecimal cumulativeTarget) {
    }

    /**
     * The target trajectory: cumulative annual targets, each year's target spread evenly over that
     * year's months within the period. Cumulative values are rounded half-up to one decimal; the last
     * month of each year carries the exact cumulative sum of targets.
     */
    public static List<MonthTarget> trajectory(LocalDate start, LocalDate end, Map<Integer, BigDecimal> annualTargets) {
        List<MonthTarget> out = new ArrayList<>();
        YearMonth first = YearMonth.from(start);
        YearMonth last = YearMonth.from(end);
        BigDecimal before = BigDecimal.ZERO;
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            BigDecimal target = annualTargets.getOrDefault(year, BigDecimal.ZERO);
            YearMonth from = year == first.getYear() ? first : YearMonth.of(year, 1);
            YearMonth to = year == last.getYear() ? last : YearMonth.of(year, 12);
            long months = ChronoUnit.MONTHS.between(from, to) + 1;
            int i = 0;
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                i++;
                BigDecimal cumulative = before.add(target.multiply(BigDecimal.valueOf(i))
                        .divide(BigDecimal.valueOf(months), 1, RoundingMode.HALF_UP));
                out.add(new MonthTarget(m, cumulative));
            }
            before = before.add(target);
        }
        return out;
    }
}
