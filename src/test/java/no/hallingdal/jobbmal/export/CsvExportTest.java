package no.hallingdal.jobbmal.export;

import no.hallingdal.jobbmal.export.ExportService.ResultRow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One result's CSV line in both dialects: quoting, the formula guard, decimals, empty cells, timestamps. */
class CsvExportTest {

    static String line(CsvDialect dialect, ResultRow r) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CsvExport.Lines lines = new CsvExport.Lines(out, dialect);
        lines.print(CsvExport.cells(dialect, r));
        lines.flush();
        return new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
    }

    @Test
    void aTypicalRowInBothDialects() throws IOException {
        ResultRow r = new ResultRow(463, LocalDate.of(2022, 1, 1), 2022, 13, "Rekrutteringsløft helse Ål",
                "kompetanse-rekruttering", "Kompetanse og rekruttering", "3328", "Ål", "NEW_JOBS", new BigDecimal("1.4"),
                null, new BigDecimal("0.0"), "Flå \"Bryggeri\"", "969392313", "APPROVED", "=e-post; brev, telefon",
                "Frode Fylkeskommune", LocalDateTime.of(2022, 1, 10, 12, 0), null, null, true);
        assertEquals("463;2022-01-01;2022;13;Rekrutteringsløft helse Ål;kompetanse-rekruttering;"
                + "Kompetanse og rekruttering;3328;Ål;NEW_JOBS;1,4;;0,0;\"Flå \"\"Bryggeri\"\"\";969392313;APPROVED;"
                + "\"'=e-post; brev, telefon\";Frode Fylkeskommune;2022-01-10 12:00:00;;;true\r\n",
                line(CsvDialect.EXCEL_NB, r));
        assertEquals("463,2022-01-01,2022,13,Rekrutteringsløft helse Ål,kompetanse-rekruttering,"
                + "Kompetanse og rekruttering,3328,Ål,NEW_JOBS,1.4,,0.0,\"Flå \"\"Bryggeri\"\"\",969392313,APPROVED,"
                + "\"'=e-post; brev, telefon\",Frode Fylkeskommune,2022-01-10 12:00:00,,,true\r\n",
                line(CsvDialect.RFC4180, r));
    }

    @Test
    void noOrgNumberNoApprovalAndALineBreakInTheEvidence() throws IOException {
        ResultRow r = new ResultRow(7, LocalDate.of(2024, 2, 29), 2024, 2, "-minus", "innovasjon", "Innovasjon", "3324",
                "Gol", "SECURED_JOBS", new BigDecimal("12.5"), new BigDecimal("2.5"), new BigDecimal("10.0"), null,
                null, "PENDING", "linje 1\r\nlinje 2", "Ola", LocalDateTime.of(2024, 3, 1, 8, 5, 9), "Kari",
                LocalDateTime.of(2024, 3, 2, 23, 59, 59), false);
        assertEquals("7,2024-02-29,2024,2,'-minus,innovasjon,Innovasjon,3324,Gol,SECURED_JOBS,12.5,2.5,10.0,,,PENDING,"
                + "\"linje 1\r\nlinje 2\",Ola,2024-03-01 08:05:09,Kari,2024-03-02 23:59:59,false\r\n",
                line(CsvDialect.RFC4180, r));
    }
}
