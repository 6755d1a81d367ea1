package no.hallingdal.jobbmal.export;

import no.hallingdal.jobbmal.export.ExportService.ResultRow;
import no.hallingdal.jobbmal.export.ExportService.SummaryRow;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes the exports as CSV in one of the two dialects. Every text cell passes {@link Cells#text}. */
public final class CsvExport {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvExport() {
    }

    /** A printer on {@code out} in UTF-8, after the byte order mark if the dialect has one (every CSV export's). */
    public static CSVPrinter open(OutputStream out, CsvDialect dialect) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        if (dialect.bom) {
            w.write('\uFEFF');
        }
        return new CSVPrinter(w, dialect.format());
    }

    /** The results, one line each, in date and id order. */
    public static long results(OutputStream out, CsvDialect dialect, ExportService service, ExportFilter filter)
            throws IOException {
        CSVPrinter csv = open(out, dialect);
        csv.printRecord(ExportService.RESULT_COLUMNS);
        long n = service.results(filter, r -> print(csv, dialect, r));
        csv.flush();
        return n;
    }

    /** One result's line. */
    static void print(CSVPrinter csv, CsvDialect dialect, ResultRow r) throws IOException {
        csv.printRecord(Long.toString(r.id()), r.date().toString(), Integer.toString(r.year()),
                Long.toString(r.projectId()), Cells.text(r.project()), r.focusAreaCode(), Cells.text(r.focusArea()),
                r.municipalityCode(), Cells.text(r.municipality()), r.kind(), dialect.decimal(r.amount()),
                dialect.decimal(r.women()), dialect.decimal(r.men()), Cells.text(r.company()),
                r.orgNumber() == null ? "" : r.orgNumber(), r.status(), Cells.text(r.evidence()),
                Cells.text(r.registeredBy()), timestamp(r.registeredAt()), Cells.text(r.approvedBy()),
                timestamp(r.approvedAt()), r.doubleCount() ? "true" : "false");
    }

    private static String timestamp(LocalDateTime t) {
        return t == null ? "" : TIMESTAMP.format(t);
    }

    public static long summary(OutputStream out, CsvDialect dialect, List<SummaryRow> rows) throws IOException {
        CSVPrinter csv = open(out, dialect);
        csv.printRecord(ExportService.SUMMARY_COLUMNS);
        for (SummaryRow r : rows) {
            csv.printRecord(r.year() == null ? "" : r.year().toString(),
                    r.municipalityCode() == null ? "" : r.municipalityCode(), Cells.text(r.municipality()),
                    r.focusAreaCode() == null ? "" : r.focusAreaCode(), Cells.text(r.focusArea()),
                    dialect.decimal(r.newJobsCounted()), dialect.decimal(r.newJobsPending()),
                    dialect.decimal(r.securedJobs()), dialect.decimal(r.newCompanies()));
        }
        csv.flush();
        return rows.size();
    }
}
