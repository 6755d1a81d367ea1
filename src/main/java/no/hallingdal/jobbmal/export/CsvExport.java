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
     * The results, one line each. Each row's line is formatted on the export's encoding thread as it is read
     * ({@link CsvLine}, the line without its last cell) and sorted as bytes; as the sorted lines go out only
     * the double count is added. They are collected into pieces of {@link #CHUNK} bytes written to the stream:
     * writing every line on its own cost some forty calls per row.
     */
    public static long results(OutputStream out, CsvDialect dialect, ExportService service, ExportFilter filter)
            throws IOException {
        if (dialect.bom) {
            out.write(BOM);
        }
        StringBuilder header = new StringBuilder();
        new CSVPrinter(header, dialect.format()).printRecord(ExportService.RESULT_COLUMNS);
        Bytes chunk = new Bytes(CHUNK + 16 * 1024);
        chunk.putUtf8(header);
        CsvLine line = new CsvLine(dialect);
        long n = service.results(filter, new ExportService.RowFormat() {
            @Override
            public void encode(ExportService.ResultRow row, Bytes record) {
                line.write(row, record);
            }

            @Override
            public void accept(long day, long id, byte[] payload, int offset, int length, boolean doubleCount)
                    throws IOException {
                chunk.put(payload, offset, length);
                chunk.put(doubleCount ? CsvLine.TRUE : CsvLine.FALSE);
                if (chunk.length >= CHUNK) {
                    out.write(chunk.bytes, 0, chunk.length);
                    chunk.clear();
                }
            }
        });
        out.write(chunk.bytes, 0, chunk.length);
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
