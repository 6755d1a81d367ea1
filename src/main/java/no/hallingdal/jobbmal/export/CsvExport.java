package no.hallingdal.jobbmal.export;

import no.hallingdal.jobbmal.export.ExportService.ResultRow;
import no.hallingdal.jobbmal.export.ExportService.SummaryRow;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes the exports as CSV in one of the two dialects. Every text cell passes {@link Cells#text}. */
public final class CsvExport {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** U+FEFF in UTF-8: the byte order mark of the excel-nb dialect. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {
    }

    /**
     * Prints one record at a time into a line and writes the line as UTF-8, so the stream sees one write per row:
     * a {@code CSVPrinter} on a {@code Writer} makes a call, and a substring, for each piece of every cell.
     */
    public static final class Lines {
        private final StringBuilder line = new StringBuilder(512);
        private final CSVPrinter printer;
        private final OutputStream out;

        public Lines(OutputStream out, CsvDialect dialect) throws IOException {
            this.out = new BufferedOutputStream(out, 64 * 1024);
            this.printer = new CSVPrinter(line, dialect.format());
            if (dialect.bom) {
                this.out.write(BOM);
            }
        }

        public void print(Object... cells) throws IOException {
            line.setLength(0);
            printer.printRecord(cells);
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        }

        public void flush() throws IOException {
            out.flush();
        }
    }

    /** The results, one line each, in date and id order. */
    public static long results(OutputStream out, CsvDialect dialect, ExportService service, ExportFilter filter)
            throws IOException {
        Lines lines = new Lines(out, dialect);
        lines.print(ExportService.RESULT_COLUMNS.toArray());
        long n = service.results(filter, r -> lines.print(cells(dialect, r)));
        lines.flush();
        return n;
    }

    /** One result's cells, as printed. */
    static Object[] cells(CsvDialect dialect, ResultRow r) {
        return new Object[] {Long.toString(r.id()), r.date().toString(), Integer.toString(r.year()),
            Long.toString(r.projectId()), Cells.text(r.project()), r.focusAreaCode(), Cells.text(r.focusArea()),
            r.municipalityCode(), Cells.text(r.municipality()), r.kind(), dialect.decimal(r.amount()),
            dialect.decimal(r.women()), dialect.decimal(r.men()), Cells.text(r.company()),
            r.orgNumber() == null ? "" : r.orgNumber(), r.status(), Cells.text(r.evidence()),
            Cells.text(r.registeredBy()), timestamp(r.registeredAt()), Cells.text(r.approvedBy()),
            timestamp(r.approvedAt()), r.doubleCount() ? "true" : "false"};
    }

    private static String timestamp(LocalDateTime t) {
        return t == null ? "" : TIMESTAMP.format(t);
    }

    public static long summary(OutputStream out, CsvDialect dialect, List<SummaryRow> rows) throws IOException {
        Lines lines = new Lines(out, dialect);
        lines.print(ExportService.SUMMARY_COLUMNS.toArray());
        for (SummaryRow r : rows) {
            lines.print(r.year() == null ? "" : r.year().toString(),
                    r.municipalityCode() == null ? "" : r.municipalityCode(), Cells.text(r.municipality()),
                    r.focusAreaCode() == null ? "" : r.focusAreaCode(), Cells.text(r.focusArea()),
                    dialect.decimal(r.newJobsCounted()), dialect.decimal(r.newJobsPending()),
                    dialect.decimal(r.securedJobs()), dialect.decimal(r.newCompanies()));
        }
        lines.flush();
        return rows.size();
    }
}
