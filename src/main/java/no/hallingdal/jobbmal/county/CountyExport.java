package no.hallingdal.jobbmal.county;

import no.hallingdal.jobbmal.export.Cells;
import no.hallingdal.jobbmal.export.CsvDialect;
import no.hallingdal.jobbmal.export.CsvExport;
import no.hallingdal.jobbmal.export.XlsxExport;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the county overview as {@code programmes.csv} (either dialect) and {@code programmes.xlsx}: one row per
 * programme and period, with the stable columns of docs/exports.md. Each value is the row's, written as the other
 * exports write theirs (Commons CSV, the formula guard, fastexcel's number and date cells).
 */
public final class CountyExport {

    /** Stable column names (docs/exports.md, "The county's file: programmes"). */
    public static final List<String> COLUMNS = List.of("county_code", "county_name", "programme_code", "programme",
            "period", "period_name", "period_start", "period_end", "state", "goal", "new_jobs_counted",
            "new_jobs_pending", "percent_of_goal", "percent_of_time", "forecast_at_end", "required_per_month",
            "status");

    /** The same columns' labels in the workbook. */
    static final List<String> LABELS = List.of("Fylkesnummer", "Fylke", "Programkode", "Program", "Periode",
            "Periodenavn", "Periodestart", "Periodeslutt", "Tilstand", "Mål", "Nye arbeidsplasser (godkjent)",
            "Nye arbeidsplasser (venter)", "Prosent av mål", "Prosent av tid", "Prognose ved periodens slutt",
            "Nødvendig per måned", "Status");

    private CountyExport() {
    }

    public static void csv(OutputStream out, CsvDialect dialect, CountyOverview.Overview o) throws IOException {
        CsvExport.Lines csv = new CsvExport.Lines(out, dialect);
        csv.print(COLUMNS.toArray());
        for (CountyOverview.Row r : o.rows()) {
            csv.print(Cells.text(o.countyCode()), Cells.text(o.countyName()), Cells.text(r.programme()),
                    Cells.text(r.programmeName()), Integer.toString(r.period()), Cells.text(r.periodName()),
                    r.start().toString(), r.end().toString(), r.state(), dialect.decimal(r.goal()),
                    dialect.decimal(r.counted()), dialect.decimal(r.pending()), dialect.decimal(r.percentOfGoal()),
                    dialect.decimal(r.percentOfTime()), dialect.decimal(r.forecastAtEnd()),
                    dialect.decimal(r.requiredPerMonth()), r.status());
        }
        csv.flush();
    }

    public static void xlsx(OutputStream out, CountyOverview.Overview o) throws IOException {
        Workbook wb = new Workbook(out, "Jobbmål", "1.0");
        Worksheet ws = wb.newWorksheet("Programmer");
        XlsxExport.header(ws, LABELS);
        int i = 1;
        for (CountyOverview.Row r : o.rows()) {
            XlsxExport.text(ws, i, 0, o.countyCode());
            XlsxExport.text(ws, i, 1, o.countyName());
            XlsxExport.text(ws, i, 2, r.programme());
            XlsxExport.text(ws, i, 3, r.programmeName());
            ws.value(i, 4, r.period());
            XlsxExport.text(ws, i, 5, r.periodName());
            date(ws, i, 6, r.start());
            date(ws, i, 7, r.end());
            XlsxExport.text(ws, i, 8, r.state());
            whole(ws, i, 9, r.goal());
            XlsxExport.number(ws, i, 10, r.counted());
            XlsxExport.number(ws, i, 11, r.pending());
            XlsxExport.number(ws, i, 12, r.percentOfGoal());
            XlsxExport.number(ws, i, 13, r.percentOfTime());
            XlsxExport.number(ws, i, 14, r.forecastAtEnd());
            XlsxExport.number(ws, i, 15, r.requiredPerMonth());
            XlsxExport.text(ws, i, 16, r.status());
            i++;
        }
        ws.setAutoFilter(0, 0, Math.max(1, i - 1), LABELS.size() - 1);
        XlsxExport.widths(ws, new double[] {12, 30, 24, 30, 8, 20, 12, 12, 12, 8, 16, 16, 12, 12, 16, 14, 12});
        wb.finish();
    }

    private static void date(Worksheet ws, int r, int c, java.time.LocalDate d) {
        ws.value(r, c, d);
        ws.style(r, c).format("yyyy-mm-dd").set();
    }

    private static void whole(Worksheet ws, int r, int c, BigDecimal v) {
        ws.value(r, c, v);
        ws.style(r, c).format("0").set();
    }
}
