package no.hallingdal.jobbmal.support;

import io.restassured.path.json.JsonPath;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard's charts as the browser drew them (Chart.js), compared with the figures of /api/v1/progress. */
public final class Charts {

    private Charts() {
    }

    /** The data of each dataset of the chart on the canvas with this id. */
    @SuppressWarnings("unchecked")
    public static List<List<Object>> data(Browser b, String id) {
        return (List<List<Object>>) b.script(
                "return Chart.getChart(document.getElementById(arguments[0])).data.datasets.map(d => d.data);", id);
    }

    /** The labels of the chart on the canvas with this id. */
    @SuppressWarnings("unchecked")
    public static List<Object> labels(Browser b, String id) {
        return (List<Object>) b.script("return Chart.getChart(document.getElementById(arguments[0])).data.labels;", id);
    }

    /** Exact value of a number from JSON or from the browser, for comparison to the decimal. */
    public static BigDecimal num(Object o) {
        return o == null ? BigDecimal.ZERO : new BigDecimal(o.toString()).stripTrailingZeros();
    }

    /** Every chart of the dashboard shows exactly the API's figures: years, months, municipalities, focus areas. */
    public static void assertDashboardShows(Browser b, JsonPath api) {
        List<Map<String, Object>> years = api.getList("byYear");
        List<List<Object>> yearChart = data(b, "chart-year");
        assertEquals(years.size(), yearChart.get(0).size(), "years");
        for (int i = 0; i < years.size(); i++) {
            assertEquals(String.valueOf(years.get(i).get("year")), String.valueOf(labels(b, "chart-year").get(i)));
            assertEquals(num(years.get(i).get("counted")), num(yearChart.get(0).get(i)), "year counted " + i);
            assertEquals(num(years.get(i).get("pending")), num(yearChart.get(1).get(i)), "year pending " + i);
            assertEquals(num(years.get(i).get("target")), num(yearChart.get(2).get(i)), "year target " + i);
        }
        List<Map<String, Object>> months = api.getList("byMonth");
        List<List<Object>> cumulative = data(b, "chart-cumulative");
        assertEquals(months.size(), cumulative.get(0).size(), "months");
        for (int i = 0; i < months.size(); i++) {
            assertEquals(months.get(i).get("month"), labels(b, "chart-cumulative").get(i));
            assertEquals(num(months.get(i).get("counted")), num(cumulative.get(0).get(i)), "month counted " + i);
            assertEquals(num(months.get(i).get("counted")).add(num(months.get(i).get("pending"))).stripTrailingZeros(),
                    num(cumulative.get(1).get(i)), "month counted+pending " + i);
            assertEquals(num(months.get(i).get("target")), num(cumulative.get(2).get(i)), "month target " + i);
        }
        for (String[] pair : new String[][] {{"byMunicipality", "chart-municipality"}, {"byFocusArea", "chart-focus"}}) {
            List<Map<String, Object>> rows = api.getList(pair[0]);
            List<List<Object>> drawn = data(b, pair[1]);
            assertEquals(rows.size(), drawn.get(0).size(), pair[0]);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(num(rows.get(i).get("counted")), num(drawn.get(0).get(i)), pair[0] + " counted " + i);
                assertEquals(num(rows.get(i).get("pending")), num(drawn.get(1).get(i)), pair[0] + " pending " + i);
            }
        }
    }
}
