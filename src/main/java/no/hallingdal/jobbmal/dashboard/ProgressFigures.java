package no.hallingdal.jobbmal.dashboard;

import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.PeriodState;
import no.hallingdal.jobbmal.result.ResultFigure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static no.hallingdal.jobbmal.dashboard.ProgressService.one;
import static no.hallingdal.jobbmal.dashboard.ProgressService.zeros;

/**
 * Builds the {@link Progress} of a scope from the grouped results: what counts (groups of the scope's periods,
 * by {@link ResultFigure}), the breakdowns, the cumulative line and what lies outside every period; the formulas
 * are {@link ProgressCalculator}'s.
 */
final class ProgressFigures {

    private final ProgressScope scope;
    private final ProgressFilter filter;
    private final List<ProgressService.Group> groups;
    private final List<FocusArea> focusAreas;
    private final Locale locale;
    private final LocalDate today;

    private BigDecimal counted = BigDecimal.ZERO;
    private BigDecimal pending = BigDecimal.ZERO;
    private BigDecimal secured = BigDecimal.ZERO;
    private BigDecimal companies = BigDecimal.ZERO;
    private BigDecimal outsideCounted = BigDecimal.ZERO;
    private BigDecimal outsidePending = BigDecimal.ZERO;
    private BigDecimal women;
    private BigDecimal men;
    private final Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
    private final Map<String, BigDecimal[]> byMunicipality = new HashMap<>();
    private final Map<String, BigDecimal[]> byFocus = new HashMap<>();
    private final Map<YearMonth, BigDecimal[]> byMonth = new TreeMap<>();
    private final Map<String, BigDecimal> cross = new LinkedHashMap<>();

    ProgressFigures(ProgressScope scope, ProgressFilter filter, List<ProgressService.Group> groups,
            List<FocusArea> focusAreas, Locale locale, LocalDate today) {
        this.scope = scope;
        this.filter = filter;
        this.groups = groups;
        this.focusAreas = focusAreas;
        this.locale = locale;
        this.today = today;
    }

    Progress progress() {
        for (ProgressService.Group g : groups) {
            ResultFigure figure = g.figure();
            if (g.period() == 0) {
                if (figure == ResultFigure.COUNTED) {
                    outsideCounted = outsideCounted.add(g.amount());
                } else if (figure == ResultFigure.PENDING) {
                    outsidePending = outsidePending.add(g.amount());
                }
            } else if (scope.periods().contains(g.period())) {
                add(g, figure);
            }
        }
        LocalDate start = scope.undated() ? today : scope.start();
        LocalDate end = scope.undated() ? today : scope.end();
        ProgressCalculator.Figures f = ProgressCalculator.compute(scope.goal(), start, end, today, counted);
        PeriodState state = scope.undated() ? PeriodState.NOT_STARTED : f.state();
        String status = scope.undated() ? ProgressCalculator.Status.NOT_STARTED.code : f.status().code;
        return new Progress(scope.programme().code, scope.period(), scope.periodName(), state.code, scope.goal(),
                scope.start(), scope.end(), today, one(counted), one(pending), one(secured), one(companies),
                f.percentOfGoal(), f.percentOfTime(), f.forecastAtEnd(), status, f.requiredPerMonth(), one(women),
                one(men), years(start, end), municipalities(), focusAreas(), months(start, end), crossRows(),
                new Progress.Outside(one(outsideCounted), one(outsidePending)));
    }

    private void add(ProgressService.Group g, ResultFigure figure) {
        switch (figure) {
            case SECURED_JOBS -> secured = secured.add(g.amount());
            case NEW_COMPANIES -> companies = companies.add(g.amount());
            default -> {
                // new jobs: counted (approved) or pending, both in the breakdowns
                int idx = figure == ResultFigure.COUNTED ? 0 : 1;
                if (figure == ResultFigure.COUNTED) {
                    counted = counted.add(g.amount());
                    if (g.women() != null) {
                        women = (women == null ? BigDecimal.ZERO : women).add(g.women());
                    }
                    if (g.men() != null) {
                        men = (men == null ? BigDecimal.ZERO : men).add(g.men());
                    }
                    cross.merge(g.municipality() + "|" + g.focusArea(), g.amount(), BigDecimal::add);
                } else {
                    pending = pending.add(g.amount());
                }
                add(byYear, g.year(), idx, g.amount());
                add(byMunicipality, g.municipality(), idx, g.amount());
                add(byFocus, g.focusArea(), idx, g.amount());
                add(byMonth, YearMonth.of(g.year(), g.month()), idx, g.amount());
            }
        }
    }

    /** Every year of the scope, and any other year with results in it, so the years add up to the headline. */
    private List<Progress.YearRow> years(LocalDate start, LocalDate end) {
        TreeSet<Integer> yearSet = new TreeSet<>(byYear.keySet());
        for (int y = start.getYear(); y <= end.getYear(); y++) {
            yearSet.add(y);
        }
        List<Progress.YearRow> years = new ArrayList<>();
        for (int y : yearSet) {
            if (filter.year() != null && filter.year() != y) {
                continue;
            }
            BigDecimal[] v = byYear.getOrDefault(y, zeros());
            years.add(new Progress.YearRow(y, scope.annualTargets().get(y), one(v[0]), one(v[1])));
        }
        return List.copyOf(years);
    }

    private List<Progress.AreaRow> municipalities() {
        List<Progress.AreaRow> rows = new ArrayList<>();
        for (Municipality m : scope.programme().municipalities) {
            if (filter.municipality() != null && !filter.municipality().equals(m.code)) {
                continue;
            }
            BigDecimal[] v = byMunicipality.getOrDefault(m.code, zeros());
            rows.add(new Progress.AreaRow(m.code, m.name, one(v[0]), one(v[1]), null));
        }
        return List.copyOf(rows);
    }

    private List<Progress.AreaRow> focusAreas() {
        List<Progress.AreaRow> rows = new ArrayList<>();
        for (FocusArea a : focusAreas) {
            if (filter.focusArea() != null && !filter.focusArea().equals(a.code)) {
                continue;
            }
            BigDecimal[] v = byFocus.getOrDefault(a.code, zeros());
            rows.add(new Progress.AreaRow(a.code, a.name(locale), one(v[0]), one(v[1]),
                    scope.focusTargets().get(a.code)));
        }
        return List.copyOf(rows);
    }

    /**
     * The cumulative line against the target trajectory, month by month. Results dated before the scope's first
     * month count from its start, and those after its last month in its last point (a project's results outside
     * the project's own dates), like the headline.
     */
    private List<Progress.MonthRow> months(LocalDate start, LocalDate end) {
        List<ProgressCalculator.MonthTarget> trajectory = scope.trajectoryTargets() != null
                ? ProgressCalculator.trajectory(start, end, scope.trajectoryTargets())
                : evenTrajectory(start, end, scope.goal());
        List<Progress.MonthRow> months = new ArrayList<>();
        BigDecimal cumCounted = BigDecimal.ZERO;
        BigDecimal cumPending = BigDecimal.ZERO;
        YearMonth first = YearMonth.from(start);
        YearMonth last = YearMonth.from(end);
        for (var e : byMonth.entrySet()) {
            if (e.getKey().isBefore(first)) {
                cumCounted = cumCounted.add(e.getValue()[0]);
                cumPending = cumPending.add(e.getValue()[1]);
            }
        }
        for (ProgressCalculator.MonthTarget t : trajectory) {
            BigDecimal[] v = byMonth.getOrDefault(t.month(), zeros());
            cumCounted = cumCounted.add(v[0]);
            cumPending = cumPending.add(v[1]);
            if (t.month().equals(last)) {
                for (var e : byMonth.entrySet()) {
                    if (e.getKey().isAfter(last)) {
                        cumCounted = cumCounted.add(e.getValue()[0]);
                        cumPending = cumPending.add(e.getValue()[1]);
                    }
                }
            }
            months.add(new Progress.MonthRow(t.month().toString(), one(cumCounted), one(cumPending),
                    t.cumulativeTarget()));
        }
        return List.copyOf(months);
    }

    private List<Progress.CrossRow> crossRows() {
        List<Progress.CrossRow> rows = new ArrayList<>();
        for (var e : cross.entrySet()) {
            String[] k = e.getKey().split("\\|", 2);
            rows.add(new Progress.CrossRow(k[0], k[1], one(e.getValue())));
        }
        return List.copyOf(rows);
    }

    private static <K> void add(Map<K, BigDecimal[]> map, K key, int idx, BigDecimal amount) {
        map.computeIfAbsent(key, k -> zeros())[idx] = map.get(key)[idx].add(amount);
    }

    /** A goal spread evenly over the months of a period (for scopes without annual targets). */
    static List<ProgressCalculator.MonthTarget> evenTrajectory(LocalDate start, LocalDate end, BigDecimal goal) {
        YearMonth first = YearMonth.from(start);
        YearMonth last = YearMonth.from(end);
        long n = ChronoUnit.MONTHS.between(first, last) + 1;
        List<ProgressCalculator.MonthTarget> out = new ArrayList<>();
        int i = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            i++;
            out.add(new ProgressCalculator.MonthTarget(m, goal.multiply(BigDecimal.valueOf(i))
                    .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP)));
        }
        return out;
    }
}
