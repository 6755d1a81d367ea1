package no.hallingdal.jobbmal.export;

import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Writes the exports as CSV in one of the two dialects. Every text cell passes {@link Cells#text}. */
public final class CsvExport {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvExport() {
    }

    static Writer open(OutputStream out, CsvDialect dialect) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        if (dialect.bom) {
            w.write('\uFEFF');
        }
        return w;
    }

    public static long results(OutputStream out, CsvDialect dialect, ExportService service, ExportFilter filter)
            throws IOException {
        Writer w = open(out, dialect);
        CSVPrinter csv = new CSVPrinter(w, dialect.format());
        csv.printRecord(ExportService.RESULT_COLUMNS);
        List<String> cells = new ArrayList<>(ExportService.RESULT_COLUMNS.size());
        long n = service.results(filter, r -> {
            cells.clear();
            cells.add(Long.toString(r.id()));
            cells.add(r.date().toString());
            cells.add(Integer.toString(r.year()));
            cells.add(Long.toString(r.projectId()));
            cells.add(Cells.text(r.project()));
            cells.add(r.focusAreaCode());
            cells.add(Cells.text(r.focusArea()));
            cells.add(r.municipalityCode());
            cells.add(Cells.text(r.municipality()));
            cells.add(r.kind());
            cells.add(dialect.decimal(r.amount()));
            cells.add(dialect.decimal(r.women()));
            cells.add(dialect.decimal(r.men()));
            cells.add(Cells.text(r.company()));
            cells.add(r.orgNumber() == null ? "" : r.orgNumber());
            cells.add(r.status());
            cells.add(Cells.text(r.evidence()));
            cells.add(Cells.text(r.registeredBy()));
            cells.add(r.registeredAt() == null ? "" : TIMESTAMP.format(r.registeredAt()));
            cells.add(Cells.text(r.approvedBy()));
            cells.add(r.approvedAt() == null ? "" : TIMESTAMP.format(r.approvedAt()));
            cells.add(r.doubleCount() ? "true" : "false");
            csv.printRecord(cells);
        });
        csv.flush();
        w.flush();
        return n;
    }

    public static long summary(OutputStream out, CsvDialect dialect, List<ExportService.SummaryRow> rows)
            throws IOException {
        Writer w = open(out, dialect);
        CSVPrinter csv = new CSVPrinter(w, dialect.format());
        csv.printRecord(ExportService.SUMMARY_COLUMNS);
        for (ExportService.SummaryRow r : rows) {
            csv.printRecord(r.year() == null ? "" : r.year().toString(),
                    r.municipalityCode() == null ? "" : r.municipalityCode(), Cells.text(r.municipality()),
                    r.focusAreaCode() == null ? "" : r.focusAreaCode(), Cells.text(r.focusArea()),
                    dialect.decimal(r.newJobsCounted()), dialect.decimal(r.newJobsPending()),
                    dialect.decimal(r.securedJobs()), dialect.decimal(r.newCompanies()));
        }
        csv.flush();
        w.flush();
        return rows.size();
    }
}
