package no.hallingdal.jobbmal.export;

import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes the exports as CSV in one of the two dialects. Every text cell passes {@link Cells#text}. */
public final class CsvExport {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final int CHUNK = 32 * 1024;
    /** U+FEFF in UTF-8, as {@link #open} writes it. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {
    }

    static Writer open(OutputStream out, CsvDialect dialect) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        if (dialect.bom) {
            w.write('\uFEFF');
        }
        return w;
    }

    /**
     * The results, one line each. Commons CSV prints every cell into a StringBuilder that is encoded to the
     * stream in pieces of {@link #CHUNK} characters: printing straight into the (synchronized) BufferedWriter
     * cost some forty calls and three copies of every character per row, a fifth of a million-row export.
     */
    public static long results(OutputStream out, CsvDialect dialect, ExportService service, ExportFilter filter)
            throws IOException {
        if (dialect.bom) {
            out.write(BOM);
        }
        StringBuilder chunk = new StringBuilder(CHUNK + 16 * 1024);
        CSVPrinter csv = new CSVPrinter(chunk, dialect.format());
        csv.printRecord(ExportService.RESULT_COLUMNS);
        long n = service.results(filter, r -> {
            csv.print(Long.toString(r.id()));
            csv.print(r.date().toString());
            csv.print(Integer.toString(r.year()));
            csv.print(Long.toString(r.projectId()));
            csv.print(Cells.text(r.project()));
            csv.print(r.focusAreaCode());
            csv.print(Cells.text(r.focusArea()));
            csv.print(r.municipalityCode());
            csv.print(Cells.text(r.municipality()));
            csv.print(r.kind());
            csv.print(dialect.decimal(r.amount()));
            csv.print(dialect.decimal(r.women()));
            csv.print(dialect.decimal(r.men()));
            csv.print(Cells.text(r.company()));
            csv.print(r.orgNumber() == null ? "" : r.orgNumber());
            csv.print(r.status());
            csv.print(Cells.text(r.evidence()));
            csv.print(Cells.text(r.registeredBy()));
            csv.print(r.registeredAt() == null ? "" : TIMESTAMP.format(r.registeredAt()));
            csv.print(Cells.text(r.approvedBy()));
            csv.print(r.approvedAt() == null ? "" : TIMESTAMP.format(r.approvedAt()));
            csv.print(r.doubleCount() ? "true" : "false");
            csv.println();
            if (chunk.length() >= CHUNK) {
                out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                chunk.setLength(0);
            }
        });
        out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
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
