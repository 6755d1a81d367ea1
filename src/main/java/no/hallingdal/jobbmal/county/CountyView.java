package no.hallingdal.jobbmal.county;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.dashboard.DashboardView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the county overview page shows of an {@link CountyOverview.Overview}: the rows, the chart of percent of goal
 * against percent of time per programme and period (JSON for Chart.js, drawn by {@code js/county.js}) and its text
 * alternative. Every number is a row's, as {@link CountyOverview} got it.
 */
@TemplateData
public class CountyView {

    public final CountyOverview.Overview overview;
    public final String chart;
    public final String chartText;

    CountyView(CountyOverview.Overview overview, Messages messages, Locale locale, ObjectMapper json) {
        this.overview = overview;
        List<String> labels = new ArrayList<>();
        List<BigDecimal> goal = new ArrayList<>();
        List<BigDecimal> time = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (CountyOverview.Row r : overview.rows()) {
            String label = label(r);
            labels.add(label);
            goal.add(r.percentOfGoal());
            time.add(r.percentOfTime());
            text.append(messages.get(locale, "county.chart.item", label, Formats.percent(r.percentOfGoal(), locale),
                    Formats.percent(r.percentOfTime(), locale), messages.get(locale, "status." + r.status())))
                    .append(' ');
        }
        this.chart = DashboardView.write(json, DashboardView.chart("bar", labels,
                List.of(DashboardView.dataset(messages.get(locale, "county.percentOfGoal"), "goal", goal),
                        DashboardView.dataset(messages.get(locale, "county.percentOfTime"), "time", time))));
        this.chartText = overview.rows().isEmpty() ? messages.get(locale, "county.none") : text.toString().trim();
    }

    /** A row's name in the chart: the programme and the period. */
    static String label(CountyOverview.Row r) {
        return r.programmeName() + " – " + r.periodName();
    }

    public boolean empty() {
        return overview.rows().isEmpty();
    }
}
