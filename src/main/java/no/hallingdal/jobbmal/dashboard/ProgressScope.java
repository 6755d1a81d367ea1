package no.hallingdal.jobbmal.dashboard;

import no.hallingdal.jobbmal.programme.AnnualTarget;
import no.hallingdal.jobbmal.programme.FocusAreaTarget;
import no.hallingdal.jobbmal.programme.Period;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a scope of progress measures against (docs/dashboard.md, "Scopes"): its goal, dates and targets. A period
 * has its own; the whole programme sums its periods (goal, annual and focus-area targets) from the first start
 * to the last end. A year takes that year's annual target and dates; a project its expected new jobs and own
 * dates; a focus area with a target that target.
 *
 * @param periods           the indexes (from 1) of the periods whose results count
 * @param annualTargets     the annual targets by year, for the year rows
 * @param trajectoryTargets the targets the trajectory follows by year, or null for an even spread of the goal
 * @param focusTargets      focus-area targets by code
 */
record ProgressScope(Programme programme, String period, String periodName, Set<Integer> periods, BigDecimal goal,
        LocalDate start, LocalDate end, Map<Integer, BigDecimal> annualTargets,
        Map<Integer, BigDecimal> trajectoryTargets, Map<String, BigDecimal> focusTargets) {

    static ProgressScope of(Programme programme, ProgressFilter filter, Project project) {
        List<Period> chosen = filter.whole() ? programme.periods
                : programme.period(filter.period()).map(List::of).orElse(List.of());
        Set<Integer> indexes = new TreeSet<>();
        chosen.forEach(p -> indexes.add(programme.indexOf(p)));
        Map<Integer, BigDecimal> annual = new TreeMap<>();
        Map<String, BigDecimal> focus = new TreeMap<>();
        BigDecimal goal = BigDecimal.ZERO;
        for (Period p : chosen) {
            goal = goal.add(BigDecimal.valueOf(p.goal));
            for (AnnualTarget t : p.annualTargets) {
                annual.merge(t.year, BigDecimal.valueOf(t.target), BigDecimal::add);
            }
            for (FocusAreaTarget t : p.focusAreaTargets) {
                focus.merge(t.focusArea.code, BigDecimal.valueOf(t.target), BigDecimal::add);
            }
        }
        LocalDate start = chosen.stream().map(p -> p.startDate).min(LocalDate::compareTo).orElse(null);
        LocalDate end = chosen.stream().map(p -> p.endDate).max(LocalDate::compareTo).orElse(null);
        String period = filter.whole() ? "all" : String.valueOf(filter.period());
        String name = filter.whole() || chosen.isEmpty() ? null : chosen.get(0).name;
        Map<Integer, BigDecimal> trajectory = annual;
        if (project != null) {
            goal = project.expectedNewJobs;
            LocalDate periodEnd = end;
            start = project.startDate;
            end = project.endDate != null ? project.endDate
                    : periodEnd != null && periodEnd.isAfter(project.startDate) ? periodEnd : project.startDate;
            trajectory = null;
        } else if (filter.year() != null && start != null) {
            int y = filter.year();
            goal = annual.getOrDefault(y, BigDecimal.ZERO);
            LocalDate yearStart = LocalDate.of(y, 1, 1);
            LocalDate yearEnd = LocalDate.of(y, 12, 31);
            start = yearStart.isBefore(start) && !start.isAfter(yearEnd) ? start : yearStart;
            end = yearEnd.isAfter(end) && !end.isBefore(yearStart) ? end : yearEnd;
            trajectory = Map.of(y, goal);
        } else if (filter.focusArea() != null && focus.containsKey(filter.focusArea())) {
            goal = focus.get(filter.focusArea());
            trajectory = null;
        }
        return new ProgressScope(programme, period, name, indexes, goal, start, end, annual, trajectory, focus);
    }

    /** Whether the scope has no dates at all: a programme without periods. */
    boolean undated() {
        return start == null;
    }
}
