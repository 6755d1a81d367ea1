package no.hallingdal.jobbmal.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.NotFoundException;
import no.hallingdal.jobbmal.programme.Period;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.result.YearLocks;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The period report (sluttrapport) of one period of a programme (docs/dashboard.md, "Period report"). Every figure
 * is {@link ProgressService}'s for that period, so the report equals the dashboard and {@code /api/v1/progress}.
 */
@ApplicationScoped
public class PeriodReports {

    @Inject
    ProgressService progress;

    @Inject
    ProgressViews views;

    @Inject
    YearLocks yearLocks;

    /**
     * Everything the report shows: the period (its index from 1), its figures and charts, every project with its
     * expected and counted new jobs, and the period's years not locked yet (the report is preliminary while any is).
     */
    public record Report(Programme programme, int index, Period period, DashboardView view,
            List<ProgressService.ProjectRow> projects, List<Integer> openYears, Instant producedAt) {

        public boolean preliminary() {
            return !openYears.isEmpty();
        }

        /** The years not locked yet, as text: "2023, 2024". */
        public String openYearsText() {
            return String.join(", ", openYears.stream().map(String::valueOf).toList());
        }
    }

    /** The report of the period at {@code indexParam} (from 1); 404 for anything else. */
    public Report report(Programme programme, String indexParam, Locale locale) {
        int index;
        try {
            index = Integer.parseInt(indexParam);
        } catch (NumberFormatException e) {
            throw new NotFoundException("report.period.notfound");
        }
        Period period = programme.period(index).orElseThrow(() -> new NotFoundException("report.period.notfound"));
        ProgressFilter filter = ProgressFilter.of(programme.id, index);
        DashboardView view = views.view(filter, List.copyOf(programme.municipalities));
        Set<Integer> locked = yearLocks.lockedYears(programme.id);
        List<Integer> open = period.years().stream().filter(y -> !locked.contains(y)).toList();
        return new Report(programme, index, period, view, progress.projects(filter, locale), open, Instant.now());
    }
}
