package no.hallingdal.jobbmal.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the dashboard (and the project and municipality pages) show, derived from one {@link Progress}:
 * the chart data as JSON for Chart.js, text alternatives, and the municipality × focus-area table.
 */
@TemplateData
public class DashboardView {

    public final Progress progress;
    public final String cumulativeChart;
    public final String yearChart;
    public final String municipalityChart;
    public final String focusAreaChart;
    public final String cumulativeText;
    public final String yearText;
    public final String municipalityText;
    public final String focusAreaText;
    public final List<FocusArea> crossColumns;
    public final List<CrossLine> crossRows;
    public final List<BigDecimal> crossColumnTotals;
    public final BigDecimal crossTotal;
    public final boolean empty;

    /** One municipality row of the cross table. */
    public record CrossLine(String code, String name, List<BigDecimal> cells, BigDecimal total) {
    }

    DashboardView(Progress p, Messages messages, Locale locale, ObjectMapper json, List<Municipality> municipalities,
            List<FocusArea> focusAreas) {
        this.progress = p;
        this.empty = p.countedNewJobs().signum() == 0 && p.pendingNewJobs().signum() == 0
                && p.securedJobs().signum() == 0 && p.newCompanies().signum() == 0;
        String counted = messages.get(locale, "dashboard.counted");
        String pending = messages.get(locale, "dashboard.pending");
        String target = messages.get(locale, "dashboard.target");

        // 1. cumulative per month against the target trajectory, today marked
        List<String> labels = new ArrayList<>();
        List<BigDecimal> c = new ArrayList<>();
        List<BigDecimal> cp = new ArrayList<>();
        List<BigDecimal> t = new ArrayList<>();
        int todayIndex = -1;
        YearMonth now = YearMonth.from(p.today());
        for (int i = 0; i < p.byMonth().size(); i++) {
            Progress.MonthRow m = p.byMonth().get(i);
            labels.add(m.month());
            c.add(m.counted());
            cp.add(m.counted().add(m.pending()));
            t.add(m.target());
            if (YearMonth.parse(m.month()).equals(now)) {
                todayIndex = i;
            }
        }
        Map<String, Object> cumulative = chart("line", labels, List.of(
                dataset(counted, "counted", c),
                dataset(messages.get(locale, "dashboard.countedPlusPending"), "pending", cp),
                dataset(target, "target", t)));
        cumulative.put("todayIndex", todayIndex);
        cumulative.put("todayLabel", messages.get(locale, "dashboard.today"));
        this.cumulativeChart = write(json, cumulative);
        Progress.MonthRow last = p.byMonth().isEmpty() ? null : p.byMonth().get(p.byMonth().size() - 1);
        this.cumulativeText = messages.get(locale, "dashboard.chart.cumulative.text",
                Formats.amount(p.countedNewJobs(), locale), Formats.amount(p.pendingNewJobs(), locale),
                Formats.amount(p.goal(), locale),
                last == null ? "" : Formats.amount(currentTarget(p, now), locale));

        // 2. per year against the annual target
        List<String> yl = new ArrayList<>();
        List<BigDecimal> yc = new ArrayList<>();
        List<BigDecimal> yp = new ArrayList<>();
        List<BigDecimal> yt = new ArrayList<>();
        StringBuilder yearSentences = new StringBuilder();
        for (Progress.YearRow y : p.byYear()) {
            yl.add(String.valueOf(y.year()));
            yc.add(y.counted());
            yp.add(y.pending());
            yt.add(y.target() == null ? BigDecimal.ZERO : y.target());
            yearSentences.append(messages.get(locale, "dashboard.chart.year.item", y.year(),
                    Formats.amount(y.counted(), locale), Formats.amount(y.pending(), locale),
                    Formats.amount(y.target() == null ? BigDecimal.ZERO : y.target(), locale))).append(' ');
        }
        this.yearChart = write(json, chart("bar", yl, List.of(dataset(counted, "counted", yc),
                dataset(pending, "pending", yp), dataset(messages.get(locale, "dashboard.annualTarget"), "target", yt))));
        this.yearText = yearSentences.toString().trim();

        // 3. per municipality, 4. per focus area
        this.municipalityChart = areaChart(json, p.byMunicipality(), counted, pending, null);
        this.municipalityText = areaText(messages, locale, p.byMunicipality());
        boolean anyTarget = p.byFocusArea().stream().anyMatch(a -> a.target() != null);
        this.focusAreaChart = areaChart(json, p.byFocusArea(), counted, pending,
                anyTarget ? messages.get(locale, "dashboard.focusTarget") : null);
        this.focusAreaText = areaText(messages, locale, p.byFocusArea());

        // municipality × focus area table of counted new jobs
        this.crossColumns = focusAreas;
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (Progress.CrossRow r : p.byMunicipalityAndFocusArea()) {
            cells.put(r.municipality() + "|" + r.focusArea(), r.counted());
        }
        List<CrossLine> rows = new ArrayList<>();
        List<BigDecimal> colTotals = new ArrayList<>();
        focusAreas.forEach(f -> colTotals.add(ProgressService.one(BigDecimal.ZERO)));
        BigDecimal total = ProgressService.one(BigDecimal.ZERO);
        for (Municipality m : municipalities) {
            List<BigDecimal> line = new ArrayList<>();
            BigDecimal rowTotal = ProgressService.one(BigDecimal.ZERO);
            for (int i = 0; i < focusAreas.size(); i++) {
                BigDecimal v = cells.getOrDefault(m.code + "|" + focusAreas.get(i).code, ProgressService.one(BigDecimal.ZERO));
                line.add(v);
                rowTotal = rowTotal.add(v);
                colTotals.set(i, colTotals.get(i).add(v));
            }
            total = total.add(rowTotal);
            rows.add(new CrossLine(m.code, m.name, line, rowTotal));
        }
        this.crossRows = rows;
        this.crossColumnTotals = colTotals;
        this.crossTotal = total;
    }

    private static BigDecimal currentTarget(Progress p, YearMonth now) {
        BigDecimal target = BigDecimal.ZERO;
        for (Progress.MonthRow m : p.byMonth()) {
            if (!YearMonth.parse(m.month()).isAfter(now)) {
                target = m.target();
            }
        }
        return target;
    }

    private static String areaChart(ObjectMapper json, List<Progress.AreaRow> rows, String counted, String pending,
            String targetLabel) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> c = new ArrayList<>();
        List<BigDecimal> pe = new ArrayList<>();
        List<BigDecimal> t = new ArrayList<>();
        for (Progress.AreaRow r : rows) {
            labels.add(r.name());
            c.add(r.counted());
            pe.add(r.pending());
            t.add(r.target());
        }
        List<Map<String, Object>> sets = new ArrayList<>(List.of(dataset(counted, "counted", c),
                dataset(pending, "pending", pe)));
        if (targetLabel != null) {
            sets.add(dataset(targetLabel, "target", t));
        }
        return write(json, chart("bar", labels, sets));
    }

    private static String areaText(Messages messages, Locale locale, List<Progress.AreaRow> rows) {
        StringBuilder sb = new StringBuilder();
        for (Progress.AreaRow r : rows) {
            sb.append(messages.get(locale, "dashboard.chart.area.item", r.name(), Formats.amount(r.counted(), locale),
                    Formats.amount(r.pending(), locale))).append(' ');
        }
        return sb.toString().trim();
    }

    /** A chart's specification as js/dashboard.js and js/county.js read it (type, labels, datasets). */
    public static Map<String, Object> chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("labels", labels);
        m.put("datasets", datasets);
        return m;
    }

    /** One dataset of a chart: its label, its kind (the colour and style the script gives it) and its values. */
    public static Map<String, Object> dataset(String label, String kind, List<BigDecimal> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("kind", kind);
        m.put("data", data);
        return m;
    }

    /** A chart's specification as JSON for the page. */
    public static String write(ObjectMapper json, Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String statusClass() {
        return statusClass(progress.status());
    }

    /**
     * The colour of a status (the class {@code tag-…} of its tag), shown beside its words ({@code status.*}) on the
     * dashboard, the project pages and the county overview.
     */
    public static String statusClass(String status) {
        return switch (status) {
            case "on-track", "reached" -> "success";
            case "at-risk" -> "warning";
            case "not-started" -> "info";
            default -> "danger";
        };
    }
}
