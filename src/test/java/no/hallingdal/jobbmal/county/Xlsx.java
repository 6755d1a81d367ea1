package no.hallingdal.jobbmal.county;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the first sheet of a workbook written by fastexcel: each cell's type and value, shared strings resolved. */
final class Xlsx {

    /** A cell: its type ({@code s} shared string, {@code inlineStr}, {@code str}, or null for a number) and value. */
    record Cell(String type, String value) {
    }

    final Map<String, Cell> cells = new HashMap<>();
    final List<String> strings = new ArrayList<>();

    static final Pattern SI = Pattern.compile("<si>(.*?)</si>", Pattern.DOTALL);
    static final Pattern T = Pattern.compile("<t[^>]*>(.*?)</t>", Pattern.DOTALL);
    static final Pattern C = Pattern.compile("<c r=\"([A-Z]+\\d+)\"([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);
    static final Pattern TYPE = Pattern.compile("t=\"([^\"]+)\"");
    static final Pattern V = Pattern.compile("<v>(.*?)</v>", Pattern.DOTALL);

    static Xlsx read(byte[] bytes) throws IOException {
        // from a file: fastexcel's entries carry their sizes after the data, which ZipInputStream refuses
        Map<String, String> files = new HashMap<>();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("county", ".xlsx");
        try {
            java.nio.file.Files.write(file, bytes);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    files.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        Xlsx x = new Xlsx();
        String shared = files.getOrDefault("xl/sharedStrings.xml", "");
        Matcher si = SI.matcher(shared);
        while (si.find()) {
            StringBuilder sb = new StringBuilder();
            Matcher t = T.matcher(si.group(1));
            while (t.find()) {
                sb.append(t.group(1));
            }
            x.strings.add(unescape(sb.toString()));
        }
        Matcher c = C.matcher(files.get("xl/worksheets/sheet1.xml"));
        while (c.find()) {
            Matcher type = TYPE.matcher(c.group(2));
            String body = c.group(3) == null ? "" : c.group(3);
            Matcher v = V.matcher(body);
            Matcher t = T.matcher(body);
            String value = v.find() ? unescape(v.group(1)) : t.find() ? unescape(t.group(1)) : null;
            x.cells.put(c.group(1), new Cell(type.find() ? type.group(1) : null, value));
        }
        return x;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    Cell cell(String ref) {
        return cells.get(ref);
    }

    /** A text cell's text; fails on a number cell. */
    String text(String ref) {
        Cell c = cells.get(ref);
        if (c == null || c.type() == null) {
            throw new AssertionError(ref + " is not a text cell: " + c);
        }
        return "s".equals(c.type()) ? strings.get(Integer.parseInt(c.value())) : c.value();
    }

    /** A number cell's value, or null when the cell is empty or missing; fails on a text cell. */
    BigDecimal number(String ref) {
        Cell c = cells.get(ref);
        if (c == null || c.value() == null) {
            return null;
        }
        if (c.type() != null && !"n".equals(c.type())) {
            throw new AssertionError(ref + " is not a number cell: " + c);
        }
        return new BigDecimal(c.value());
    }

    /** A date cell (a number of days since 1899-12-30). */
    LocalDate date(String ref) {
        BigDecimal n = number(ref);
        if (n == null) {
            throw new AssertionError(ref + " is empty");
        }
        return LocalDate.of(1899, 12, 30).plusDays(n.longValueExact());
    }
}
