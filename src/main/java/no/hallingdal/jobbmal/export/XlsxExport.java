package no.hallingdal.jobbmal.export;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the exports as XLSX with Norwegian header labels, real number and date cells, text cells for
 * codes and org. numbers (leading zeros kept), a frozen header row and filters on it. Rows are flushed
 * to the stream every 1 000 rows, so memory does not grow with the number of rows.
 */
public final class XlsxExport {

    static final List<String> RESULT_LABELS = List.of("Id", "Dato", "År", "Prosjekt-id", "Prosjekt",
            "Innsatsområde (kode)", "Innsatsområde", "Kommunenummer", "Kommune", "Type", "Årsverk", "Kvinner", "Menn",
            "Bedrift", "Organisasjonsnummer", "Status", "Dokumentasjon", "Registrert av", "Registrert",
            "Godkjent av", "Godkjent", "Mulig dobbelttelling");

    static final List<String> SUMMARY_LABELS = List.of("År", "Kommunenummer", "Kommune", "Innsatsområde (kode)",
            "Innsatsområde", "Nye arbeidsplasser (godkjent)", "Nye arbeidsplasser (venter)", "Sikrede arbeidsplasser",
            "Nye bedrifter");

    /** The media type of an XLSX workbook. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxExport() {
    }

    /** The bold, filled header row, frozen (every XLSX export's). */
    public static void header(Worksheet ws, List<String> labels) {
        for (int c = 0; c < labels.size(); c++) {
            ws.value(0, c, labels.get(c));
            ws.style(0, c).bold().fillColor("DCE6F0").set();
        }
        ws.freezePane(0, 1);
    }

    /** A number cell with one decimal; empty for null. */
    public static void number(Worksheet ws, int r, int c, BigDecimal v) {
        if (v != null) {
            ws.value(r, c, v);
            ws.style(r, c).format("0.0").set();
        }
    }

    /** A text cell through the formula guard ({@link Cells#text}); empty for null or empty. */
    public static void text(Worksheet ws, int r, int c, String v) {
        if (v != null && !v.isEmpty()) {
            ws.value(r, c, Cells.text(v));
        }
    }

    private static void timestamp(Worksheet ws, int r, int c, java.time.LocalDateTime t) {
        if (t != null) {
            ws.value(r, c, t);
            ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
        }
    }

    public static long results(OutputStream out, ExportService service, ExportFilter filter) throws IOException {
        Workbook wb = new Workbook(out, "Jobbmål", "1.0");
        Worksheet ws = wb.newWorksheet("Resultater");
        header(ws, RESULT_LABELS);
        int[] row = {1};
        long n = service.results(filter, r -> {
            int i = row[0]++;
            ws.value(i, 0, r.id());
            ws.value(i, 1, r.date());
            ws.style(i, 1).format("yyyy-mm-dd").set();
            ws.value(i, 2, r.year());
            ws.value(i, 3, r.projectId());
            text(ws, i, 4, r.project());
            text(ws, i, 5, r.focusAreaCode());
            text(ws, i, 6, r.focusArea());
            text(ws, i, 7, r.municipalityCode());
            text(ws, i, 8, r.municipality());
            text(ws, i, 9, r.kind());
            number(ws, i, 10, r.amount());
            number(ws, i, 11, r.women());
            number(ws, i, 12, r.men());
            text(ws, i, 13, r.company());
            text(ws, i, 14, r.orgNumber());
            text(ws, i, 15, r.status());
            text(ws, i, 16, r.evidence());
            text(ws, i, 17, r.registeredBy());
            timestamp(ws, i, 18, r.registeredAt());
            text(ws, i, 19, r.approvedBy());
            timestamp(ws, i, 20, r.approvedAt());
            ws.value(i, 21, r.doubleCount());
            if (i % 1000 == 0) {
                ws.flush();
            }
        });
        ws.setAutoFilter(0, 0, Math.max(1, row[0] - 1), RESULT_LABELS.size() - 1);
        widths(ws, new double[] {8, 11, 6, 10, 34, 24, 28, 14, 12, 14, 9, 9, 9, 28, 18, 11, 40, 20, 17, 20, 17, 12});
        wb.finish();
        return n;
    }

    public static long summary(OutputStream out, List<ExportService.SummaryRow> rows) throws IOException {
        Workbook wb = new Workbook(out, "Jobbmål", "1.0");
        Worksheet ws = wb.newWorksheet("Sammendrag");
        header(ws, SUMMARY_LABELS);
        int i = 1;
        for (ExportService.SummaryRow r : rows) {
            if (r.year() != null) {
                ws.value(i, 0, r.year());
            }
            text(ws, i, 1, r.municipalityCode());
            text(ws, i, 2, r.municipality());
            text(ws, i, 3, r.focusAreaCode());
            text(ws, i, 4, r.focusArea());
            number(ws, i, 5, r.newJobsCounted());
            number(ws, i, 6, r.newJobsPending());
            number(ws, i, 7, r.securedJobs());
            number(ws, i, 8, r.newCompanies());
            if (r.kind() != ExportService.SummaryRow.Kind.CELL) {
                ws.range(i, 0, i, SUMMARY_LABELS.size() - 1).style().bold().set();
            }
            i++;
        }
        ws.setAutoFilter(0, 0, Math.max(1, i - 1), SUMMARY_LABELS.size() - 1);
        widths(ws, new double[] {6, 14, 14, 24, 30, 16, 16, 16, 12});
        wb.finish();
        return rows.size();
    }

    /** Column widths, in characters, from the first column. */
    public static void widths(Worksheet ws, double[] w) {
        for (int c = 0; c < w.length; c++) {
            ws.width(c, w[c]);
        }
    }
}
