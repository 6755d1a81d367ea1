import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns bench/run.sh's results.csv into the Markdown tables of docs/benchmarks.md, with each target of issues #7
 * and #15 and whether it was met. Usage: {@code java bench/Table.java results.csv "1000 10000 100000" 100000 1000000}
 * (sizes, the H2 export's size, the PostgreSQL export's size or "" when it was skipped; no sizes: the exports only).
 */
public class Table {

    private static final Map<String, String> VALUES = new HashMap<>();

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 4);
            VALUES.put(f[0] + "|" + f[1], f[2]);
        }
        List<String> sizes = args[1].isBlank() ? List.of() : List.of(args[1].trim().split("\\s+"));
        String exportSize = args[2];
        String pgExportSize = args.length > 3 && !args[3].isBlank() ? args[3] : null;

        StringBuilder sb = new StringBuilder();
        if (!sizes.isEmpty()) {
            sizes(sb, sizes);
        }
        if (!"0".equals(exportSize)) {
            exports(sb, exportSize, pgExportSize);
        }
        System.out.print(sb);
    }

    /** The table of the sizes, and the targets measured on them. */
    private static void sizes(StringBuilder sb, List<String> sizes) {
        String small = sizes.get(0);
        String large = sizes.get(sizes.size() - 1);
        sb.append("| Measure |");
        sizes.forEach(s -> sb.append(' ').append(group(s)).append(" results |"));
        sb.append('\n').append("|---|");
        sizes.forEach(s -> sb.append("---:|"));
        sb.append('\n');
        row(sb, sizes, "Database filled (demo data)", "fill", "s");
        row(sb, sizes, "Database file after compaction", "file", "MB");
        row(sb, sizes, "Start → first answered request, median", "startup", "ms");
        row(sb, sizes, "Start → first answered request, fastest", "startup.min", "ms");
        row(sb, sizes, "Start → first answered request, slowest", "startup.max", "ms");
        for (String[] e : new String[][] {{"static", "Static file (baseline)"}, {"dashboard", "Dashboard `/`"},
                {"progress", "`/api/v1/progress`"}, {"results", "`/api/v1/results` page 1"}}) {
            row(sb, sizes, e[1] + ": requests/s", e[0] + ".rps", "");
            row(sb, sizes, e[1] + ": p50", e[0] + ".p50", "ms");
            row(sb, sizes, e[1] + ": p99", e[0] + ".p99", "ms");
            row(sb, sizes, e[1] + ": size", e[0] + ".bytes", "bytes");
        }
        row(sb, sizes, "Resident memory after the dashboard run", "rss.after-dashboard", "MB");
        row(sb, sizes, "Resident memory after all runs", "rss.after-all", "MB");

        sb.append("\n| Target | Measured | Met |\n|---|---|:---:|\n");
        double p50Small = num(small, "dashboard.p50");
        double p50Large = num(large, "dashboard.p50");
        target(sb, "Dashboard p50 at " + group(large) + " ≤ 1.5 × p50 at " + group(small),
                fmt(p50Large) + " ms vs " + fmt(p50Small) + " ms (× " + fmt(p50Large / p50Small) + ")",
                p50Large <= 1.5 * p50Small);
        double dash = num(large, "dashboard.rps");
        double stat = num(large, "static.rps");
        target(sb, "Dashboard throughput at " + group(large) + " ≥ 0.5 × static baseline",
                fmt(dash) + " vs " + fmt(stat) + " requests/s (× " + fmt(dash / stat) + ")", dash >= 0.5 * stat);
        double p99 = num(large, "dashboard.p99");
        target(sb, "Dashboard p99 at " + group(large) + " ≤ 100 ms", fmt(p99) + " ms", p99 <= 100);
        double reg = num(small, "registrations.per-second");
        target(sb, "16 clients registering through the API ≥ 300/s on H2, each stored once",
                fmt(reg) + "/s; stored once: " + get(small, "registrations.stored-once"), reg >= 300);
        double startup = sizes.stream().mapToDouble(s -> num(s, "startup")).max().orElse(Double.NaN);
        target(sb, "Start → first answered request ≤ 3 s", "median at most " + fmt(startup) + " ms", startup <= 3000);
        double rss = sizes.stream().mapToDouble(s -> num(s, "rss.after-dashboard")).max().orElse(Double.NaN);
        target(sb, "Resident memory after the dashboard run ≤ 400 MB", "at most " + fmt(rss) + " MB", rss <= 400);
    }

    /** The CSV exports: H2 at its size, PostgreSQL at its size unless skipped (issue #15's targets). */
    private static void exports(StringBuilder sb, String h2Size, String pgSize) {
        sb.append("\n| CSV export of all rows, -Xmx256m | H2, ").append(group(h2Size)).append(" results |");
        if (pgSize != null) {
            sb.append(" PostgreSQL, ").append(group(pgSize)).append(" results |");
        }
        sb.append("\n|---|---:|").append(pgSize != null ? "---:|" : "").append('\n');
        exportRow(sb, "Database filled (s)", h2Size, pgSize, "fill");
        exportRow(sb, "First export after the start (rows/s)", h2Size, pgSize, "first");
        exportRow(sb, "First export after the start (s)", h2Size, pgSize, "first-seconds");
        exportRow(sb, "Next exports: median (rows/s)", h2Size, pgSize, "rows-per-second");
        exportRow(sb, "Next exports: slowest (rows/s)", h2Size, pgSize, "min");
        exportRow(sb, "Next exports: fastest (rows/s)", h2Size, pgSize, "max");
        exportRow(sb, "Rows", h2Size, pgSize, "rows");
        exportRow(sb, "File (bytes)", h2Size, pgSize, "bytes");
        exportRow(sb, "Resident memory after the exports (MB)", h2Size, pgSize, "rss");
        exportRow(sb, "Heap in use after the exports (MB)", h2Size, pgSize, "heap-used");
        exportRow(sb, "Heap committed after the exports (MB)", h2Size, pgSize, "heap-committed");

        sb.append("\n| Target | Measured | Met |\n|---|---|:---:|\n");
        exportTarget(sb, "H2", h2Size, "export", 50_000);
        if (pgSize != null) {
            exportTarget(sb, "PostgreSQL", pgSize, "pg-export", 100_000);
        }
    }

    private static void exportRow(StringBuilder sb, String label, String h2Size, String pgSize, String key) {
        sb.append("| ").append(label).append(" | ").append(group(get(h2Size, "export." + key))).append(" |");
        if (pgSize != null) {
            sb.append(' ').append(group(get(pgSize, "pg-export." + key))).append(" |");
        }
        sb.append('\n');
    }

    private static void exportTarget(StringBuilder sb, String database, String size, String key, int target) {
        double median = num(size, key + ".rows-per-second");
        target(sb, "CSV export of " + group(size) + " results on " + database + " under -Xmx256m ≥ " + group(
                String.valueOf(target)) + " rows/s", "median " + group(get(size, key + ".rows-per-second"))
                + " rows/s (" + group(get(size, key + ".min")) + "–" + group(get(size, key + ".max"))
                + "; first after the start " + group(get(size, key + ".first")) + ")", median >= target);
    }

    private static void row(StringBuilder sb, List<String> sizes, String label, String key, String unit) {
        sb.append("| ").append(label).append(unit.isEmpty() ? "" : " (" + unit + ")").append(" |");
        for (String s : sizes) {
            String v = get(s, key);
            sb.append(' ').append(v == null ? "–" : group(v)).append(" |");
        }
        sb.append('\n');
    }

    private static void target(StringBuilder sb, String target, String measured, boolean met) {
        sb.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static String get(String size, String key) {
        return VALUES.get(size + "|" + key);
    }

    private static double num(String size, String key) {
        String v = get(size, key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** 100000 → "100 000"; decimals kept. */
    private static String group(String v) {
        if (v == null) {
            return "–";
        }
        String[] parts = v.split("\\.", 2);
        String digits = parts[0];
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0 && Character.isDigit(digits.charAt(i - 1))) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return parts.length == 2 ? out + "." + parts[1] : out.toString();
    }
}
