package no.hallingdal.jobbmal.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the rows of the exports. Results are streamed from the database with a forward-only cursor
 * (fetch size 1 000) straight into the writer, so memory does not grow with the number of rows.
 */
@ApplicationScoped
public class ExportService {

    /** Stable column names of the results export (docs/exports.md). */
    public static final List<String> RESULT_COLUMNS = List.of("id", "date", "year", "project_id", "project",
            "focus_area_code", "focus_area", "municipality_code", "municipality", "kind", "amount", "women", "men",
            "company", "org_number", "status", "evidence", "registered_by", "registered_at", "approved_by",
            "approved_at", "double_count");

    /** Stable column names of the summary export. */
    public static final List<String> SUMMARY_COLUMNS = List.of("year", "municipality_code", "municipality",
            "focus_area_code", "focus_area", "new_jobs_counted", "new_jobs_pending", "secured_jobs", "new_companies");

    @Inject
    AgroalDataSource dataSource;

    /** One result, as exported. */
    public record ResultRow(long id, LocalDate date, int year, long projectId, String project, String focusAreaCode,
            String focusArea, String municipalityCode, String municipality, String kind, BigDecimal amount,
            BigDecimal women, BigDecimal men, String company, String orgNumber, String status, String evidence,
            String registeredBy, LocalDateTime registeredAt, String approvedBy, LocalDateTime approvedAt,
            boolean doubleCount) {
    }

    /** Receives exported rows one by one. */
    @FunctionalInterface
    public interface RowSink<T> {
        void accept(T row) throws IOException;
    }

    /**
     * The results alone, in date and id order: the database streams them from the index on (result_date,
     * id) instead of sorting a join of every row (a million rows sorted for minutes under -Xmx256m before
     * the first byte). Names come from small lookups read first; the double count from one grouped query.
     */
    static final String RESULTS_SQL = """
            SELECT r.id, r.result_date, r.result_year, r.project_id, r.focus_area_code, r.municipality_code,
                   r.kind, r.amount, r.women, r.men, r.company_name, r.org_number, r.status, r.evidence,
                   r.registered_by, r.registered_at, r.approved_by, r.approved_at
            FROM result r""";

    /**
     * Organisation number and year pairs with new jobs in more than one project (withdrawn results aside):
     * a row is a double count when it is such a result itself (the lists' rule, ResultService).
     */
    static final String DOUBLE_COUNT_SQL = """
            SELECT o.org_number, o.result_year FROM result o
            WHERE o.kind = 'NEW_JOBS' AND o.status <> 'WITHDRAWN' AND o.org_number IS NOT NULL
            GROUP BY o.org_number, o.result_year HAVING COUNT(DISTINCT o.project_id) > 1""";

    /** Streams every result matching the filter, ordered by date and id; returns the row count. */
    public long results(ExportFilter filter, RowSink<ResultRow> sink) throws IOException {
        List<Object> params = new ArrayList<>();
        String sql = RESULTS_SQL + filter.where(params) + " ORDER BY r.result_date, r.id";
        long n = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only outside autocommit
            try {
                Map<Long, String> projects = lookup(c, "SELECT id, name FROM project", rs -> rs.getLong(1));
                Map<Long, String> users = lookup(c, "SELECT id, display_name FROM app_user", rs -> rs.getLong(1));
                Map<String, String> focusAreas = lookup(c, "SELECT code, name_nb FROM focus_area", rs -> rs.getString(1));
                Map<String, String> municipalities = lookup(c, "SELECT code, name FROM municipality",
                        rs -> rs.getString(1));
                Set<String> doubleCounted = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement(DOUBLE_COUNT_SQL); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        doubleCounted.add(rs.getString(1) + "|" + rs.getInt(2));
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
                    ps.setFetchSize(1000);
                    bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long project = rs.getLong(4);
                            String kind = rs.getString(7);
                            String org = rs.getString(12);
                            String status = rs.getString(13);
                            int year = rs.getInt(3);
                            boolean doubleCount = "NEW_JOBS".equals(kind) && !"WITHDRAWN".equals(status)
                                    && org != null && doubleCounted.contains(org + "|" + year);
                            long approvedBy = rs.getLong(17);
                            String approver = rs.wasNull() ? null : users.get(approvedBy);
                            sink.accept(new ResultRow(rs.getLong(1), rs.getObject(2, LocalDate.class), year, project,
                                    projects.get(project), rs.getString(5), focusAreas.get(rs.getString(5)),
                                    rs.getString(6), municipalities.get(rs.getString(6)), kind, rs.getBigDecimal(8),
                                    rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11), org, status,
                                    rs.getString(14), users.get(rs.getLong(15)), local(rs, 16), approver,
                                    local(rs, 18), doubleCount));
                            n++;
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("export query failed", e));
        }
        return n;
    }

    /** A small lookup table: the first column (as read by {@code key}) to the second. */
    private static <K> Map<K, String> lookup(Connection c, String sql, SqlReader<K> key) throws SQLException {
        Map<K, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(key.read(rs), rs.getString(2));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface SqlReader<K> {
        K read(ResultSet rs) throws SQLException;
    }

    private static LocalDateTime local(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(Formats.ZONE).toLocalDateTime().withNano(0);
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /** One summary line: a year × municipality × focus area cell, a year total or the grand total. */
    public record SummaryRow(Integer year, String municipalityCode, String municipality, String focusAreaCode,
            String focusArea, BigDecimal newJobsCounted, BigDecimal newJobsPending, BigDecimal securedJobs,
            BigDecimal newCompanies, Kind kind) {

        public enum Kind { CELL, YEAR_TOTAL, GRAND_TOTAL }
    }

    /**
     * The summary: one row per year × municipality × focus area that has anything, then a total row per
     * year and a grand total row. Counted = approved, as on the dashboard; secured jobs and new
     * companies are approved ones.
     */
    public List<SummaryRow> summary(ExportFilter filter) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT r.result_year, r.municipality_code, r.focus_area_code, r.kind, r.status, SUM(r.amount)"
                + " FROM result r" + filter.where(params)
                + " GROUP BY r.result_year, r.municipality_code, r.focus_area_code, r.kind, r.status";
        Map<String, Municipality> municipalities = new HashMap<>();
        Municipality.<Municipality>listAll().forEach(m -> municipalities.put(m.code, m));
        Map<String, FocusArea> focusAreas = new HashMap<>();
        FocusArea.<FocusArea>listAll().forEach(f -> focusAreas.put(f.code, f));
        // year -> (municipality sort, focus sort) -> sums[counted, pending, secured, companies]
        TreeMap<Integer, TreeMap<String, BigDecimal[]>> cells = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int idx = index(rs.getString(4), rs.getString(5));
                    if (idx < 0) {
                        continue;
                    }
                    Municipality m = municipalities.get(rs.getString(2));
                    FocusArea f = focusAreas.get(rs.getString(3));
                    String key = String.format("%04d|%04d|%s|%s", m.sortOrder, f.sortOrder, m.code, f.code);
                    BigDecimal[] sums = cells.computeIfAbsent(rs.getInt(1), y -> new TreeMap<>())
                            .computeIfAbsent(key, k -> zeros());
                    sums[idx] = sums[idx].add(rs.getBigDecimal(6));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("summary query failed", e);
        }
        List<SummaryRow> out = new ArrayList<>();
        BigDecimal[] grand = zeros();
        for (var year : cells.entrySet()) {
            BigDecimal[] yearSum = zeros();
            for (var cell : year.getValue().entrySet()) {
                String[] k = cell.getKey().split("\\|");
                Municipality m = municipalities.get(k[2]);
                FocusArea f = focusAreas.get(k[3]);
                BigDecimal[] s = cell.getValue();
                out.add(new SummaryRow(year.getKey(), m.code, m.name, f.code, f.nameNb, one(s[0]), one(s[1]),
                        one(s[2]), one(s[3]), SummaryRow.Kind.CELL));
                add(yearSum, s);
            }
            out.add(new SummaryRow(year.getKey(), null, "Sum " + year.getKey(), null, null, one(yearSum[0]),
                    one(yearSum[1]), one(yearSum[2]), one(yearSum[3]), SummaryRow.Kind.YEAR_TOTAL));
            add(grand, yearSum);
        }
        out.add(new SummaryRow(null, null, "Totalt", null, null, one(grand[0]), one(grand[1]), one(grand[2]),
                one(grand[3]), SummaryRow.Kind.GRAND_TOTAL));
        return out;
    }

    /** Which sum a (kind, status) group goes into: 0 counted, 1 pending, 2 secured, 3 companies; −1 none. */
    static int index(String kind, String status) {
        boolean approved = "APPROVED".equals(status);
        return switch (kind) {
            case "NEW_JOBS" -> approved ? 0 : "PENDING".equals(status) ? 1 : -1;
            case "SECURED_JOBS" -> approved ? 2 : -1;
            case "NEW_COMPANY" -> approved ? 3 : -1;
            default -> -1;
        };
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static void add(BigDecimal[] into, BigDecimal[] s) {
        for (int i = 0; i < into.length; i++) {
            into[i] = into[i].add(s[i]);
        }
    }

    static BigDecimal one(BigDecimal v) {
        return v.setScale(1, java.math.RoundingMode.HALF_UP);
    }
}
