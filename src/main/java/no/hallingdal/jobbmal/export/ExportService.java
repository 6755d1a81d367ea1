package no.hallingdal.jobbmal.export;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.common.JobbmalConfig;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the rows of the exports. Results are read from the database with a forward-only cursor (fetch
 * size 1 000) in whatever order it finds cheapest and sorted by date and id in {@link ResultSort}, which
 * holds a bounded amount in memory and spills sorted runs to temporary files, so memory does not grow
 * with the number of rows. The request's thread reads; a second thread ({@link ExportPipeline}) encodes
 * each row for the sort as it comes (for CSV: formats its line), so the two run on two cores at once.
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

    @Inject
    JobbmalConfig config;

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
     * The results alone, in no particular order: the database scans the table (or a selective filter's
     * index) instead of reading it in (result_date, id) order through that index, which cost H2 one
     * B-tree page per row (about 70 % of a 74 s export of a million rows). The order is made by
     * {@link ResultSort}. Names come from small lookups read first; the double counts from these same rows
     * when there is no filter, else from a scan of every result first ({@link DoubleCounts}).
     */
    static final String RESULTS_SQL = """
            SELECT r.id, r.result_date, r.result_year, r.project_id, r.focus_area_code, r.municipality_code,
                   r.kind, r.amount, r.women, r.men, r.company_name, r.org_number, r.status, r.evidence,
                   r.registered_by, r.registered_at, r.approved_by, r.approved_at
            FROM result r""";

    /**
     * What the double count needs of every result, in table order: {@link DoubleCounts} finds the org. number
     * and year pairs with new jobs (withdrawn results aside) in more than one project, and a row is a double
     * count when it is such a result itself (the lists' rule, ResultService). No WHERE on purpose: with a
     * condition on kind or status H2 reads the rows through result_kind_idx, one lookup each, and its
     * GROUP BY of every org. number took 20–45 s of a million-row export.
     */
    static final String DOUBLE_COUNT_SQL = """
            SELECT o.org_number, o.result_year, o.project_id, o.kind, o.status FROM result o""";

    /**
     * Threads that encode the rows of an export while the request's thread reads them: one per export, at
     * most {@link #ENCODERS} at once; an export started beyond that encodes on its request thread. Daemon
     * threads named jobbmal-export-N, created when needed and ended after 30 s unused.
     */
    static final int ENCODERS = 4;

    private ThreadPoolExecutor encoders;

    /** Creates the pool (no thread yet); here rather than in a field so the bean's client proxy has none. */
    @PostConstruct
    void startEncoders() {
        AtomicInteger number = new AtomicInteger();
        encoders = new ThreadPoolExecutor(0, ENCODERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "jobbmal-export-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the encoding threads when the application stops; an export still running then fails. */
    @PreDestroy
    void stopEncoders() {
        encoders.shutdownNow();
    }

    /** Encoding threads busy with an export right now (for tests). */
    int encodersBusy() {
        return encoders.getActiveCount();
    }

    /**
     * How the rows of one export become the sort's records, and what is done with them in order. The two
     * methods run on different threads: {@link #encode} on the export's encoding thread, {@link #accept} on
     * the request's thread once every row is read and encoded.
     */
    interface RowFormat {
        /** Appends the payload of {@code row} (whose double count is not set) to {@code out}. */
        void encode(ResultRow row, Bytes out) throws IOException;

        /** One row in date and id order: its payload, as {@link #encode} wrote it, and its double count. */
        void accept(long day, long id, byte[] payload, int offset, int length, boolean doubleCount)
                throws IOException;
    }

    /**
     * Streams every result matching the filter, ordered by date and id; returns the row count. The rows are
     * all read and sorted first (the connection is given back before the first row goes out), then merged
     * into the sink; the sort's temporary files are deleted however this ends.
     */
    public long results(ExportFilter filter, RowSink<ResultRow> sink) throws IOException {
        return results(filter, new RowFormat() {
            @Override
            public void encode(ResultRow row, Bytes out) {
                RowCodec.encode(row, out);
            }

            @Override
            public void accept(long day, long id, byte[] payload, int offset, int length, boolean doubleCount)
                    throws IOException {
                sink.accept(RowCodec.decode(day, id, payload, offset, doubleCount));
            }
        });
    }

    /**
     * As {@link #results(ExportFilter, RowSink)}, with each row encoded by {@code format} as it is read and
     * handed to it again, with its double count, in date and id order.
     */
    long results(ExportFilter filter, RowFormat format) throws IOException {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        String sql = RESULTS_SQL + where;
        // Without a filter the rows read are all the rows: the double counts come from that same scan and
        // are looked up as the sorted rows go out (a second scan of every row was a sixth of a million-row export).
        DoubleCounts doubleCounts = new DoubleCounts();
        boolean oneScan = where.isEmpty();
        try (ResultSort sorted = new ResultSort(sortMemory(), ResultSort.DEFAULT_FAN_IN)) {
            Encoding encoding = new Encoding(format, sorted, doubleCounts, oneScan);
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                int isolation = c.getTransactionIsolation();
                boolean h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
                c.setAutoCommit(false); // PostgreSQL streams with a cursor only outside autocommit
                // one snapshot for both queries, so the double counts match the rows
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    if (h2) {
                        lazy(c, true);
                    }
                    read(c, sql, params, encoding, doubleCounts, oneScan);
                } finally {
                    c.rollback();
                    if (h2) {
                        lazy(c, false);
                    }
                    c.setTransactionIsolation(isolation);
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("export query failed", e));
            }
            if (oneScan) {
                doubleCounts.finish();
            }
            return sorted.drain((day, id, b, off, len) -> {
                Bytes.Reader header = new Bytes.Reader(b, off);
                boolean doubleCount = switch (header.getByte()) {
                    case Encoding.SINGLE -> false;
                    case Encoding.DOUBLE -> true;
                    case Encoding.CHECK_PACKED -> doubleCounts.contains(header.getLong());
                    default -> doubleCounts.contains(header.getString(), header.getInt());
                };
                format.accept(day, id, b, header.at, off + len - header.at, doubleCount);
            });
        }
    }

    /**
     * The encoding thread's side of one export: decides what it can of the row's double count, has the
     * row's payload written, and adds the record to the sort. A record is a header, then the payload: the
     * header is {@link #SINGLE} or {@link #DOUBLE} when the flag is known; without a filter it is known only
     * once every row is read, so a counting row's header is {@link #CHECK_PACKED} and its packed org. number
     * and year, or {@link #CHECK_TEXT} and the org. number as text and the year, looked up as it goes out.
     */
    private static final class Encoding implements ExportPipeline.Encoder<ResultRow> {
        static final int SINGLE = 0;
        static final int DOUBLE = 1;
        static final int CHECK_PACKED = 2;
        static final int CHECK_TEXT = 3;

        private final RowFormat format;
        private final ResultSort sorted;
        private final DoubleCounts doubleCounts;
        private final boolean oneScan;
        private final Bytes record = new Bytes(1024);

        Encoding(RowFormat format, ResultSort sorted, DoubleCounts doubleCounts, boolean oneScan) {
            this.format = format;
            this.sorted = sorted;
            this.doubleCounts = doubleCounts;
            this.oneScan = oneScan;
        }

        @Override
        public void encode(ResultRow r) throws IOException {
            record.clear();
            // the lists' rule (ResultService): a counting result whose org. number and year have new jobs in
            // more than one project
            String org = r.orgNumber();
            boolean counted = org != null && counts(r.kind(), r.status());
            if (!counted) {
                record.putByte(SINGLE);
            } else if (!oneScan) {
                record.putByte(doubleCounts.contains(org, r.year()) ? DOUBLE : SINGLE);
            } else {
                doubleCounts.add(org, r.year(), r.projectId());
                long packed = DoubleCounts.pack(org, r.year());
                if (packed >= 0) {
                    record.putByte(CHECK_PACKED);
                    record.putLong(packed);
                } else {
                    record.putByte(CHECK_TEXT);
                    record.putString(org);
                    record.putInt(r.year());
                }
            }
            format.encode(r, record);
            sorted.add(r.date().toEpochDay(), r.id(), record.bytes, record.length);
        }
    }

    /** Whether a result of this kind and status takes part in double counts: new jobs, not withdrawn. */
    private static boolean counts(String kind, String status) {
        return "NEW_JOBS".equals(kind) && !"WITHDRAWN".equals(status);
    }

    /**
     * H2 hands rows over as it reads them only in lazy mode; otherwise it first copies the whole result to a
     * temporary file (a quarter of a million-row export). Only inside a REPEATABLE READ transaction: under
     * READ COMMITTED H2 forgets the statement's snapshot when executeQuery returns, and its background
     * compaction may drop pages the cursor still reads ("Chunk … not found", h2database issue 4142).
     */
    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    private int sortMemory() {
        return (int) Math.min(Integer.MAX_VALUE, config.export().sortMemory().asLongValue());
    }

    /**
     * Reads the matching results, with their names, and hands them to the encoding thread, which adds them
     * to the sort. With {@code oneScan} (no filter) the double counts are counted from these rows there;
     * otherwise they are counted from a scan of every result first, here, before the encoding starts.
     */
    private void read(Connection c, String sql, List<Object> params, Encoding encoding, DoubleCounts doubleCounts,
            boolean oneScan) throws SQLException, IOException {
        Map<Long, String> projects = lookup(c, "SELECT id, name FROM project", rs -> rs.getLong(1));
        Map<Long, String> users = lookup(c, "SELECT id, display_name FROM app_user", rs -> rs.getLong(1));
        Map<String, String> focusAreas = lookup(c, "SELECT code, name_nb FROM focus_area", rs -> rs.getString(1));
        Map<String, String> municipalities = lookup(c, "SELECT code, name FROM municipality", rs -> rs.getString(1));
        if (!oneScan) {
            try (PreparedStatement ps = c.prepareStatement(DOUBLE_COUNT_SQL, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String org = rs.getString(1);
                        if (org != null && counts(rs.getString(4), rs.getString(5))) {
                            doubleCounts.add(org, rs.getInt(2), rs.getLong(3));
                        }
                    }
                }
            }
            doubleCounts.finish();
        }
        LocalTimes times = new LocalTimes(Formats.ZONE);
        try (ExportPipeline<ResultRow> pipeline = new ExportPipeline<>(encoders, encoding);
                PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(1000);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long project = rs.getLong(4);
                    long approvedBy = rs.getLong(17);
                    String approver = rs.wasNull() ? null : users.get(approvedBy);
                    String focusArea = rs.getString(5);
                    String municipality = rs.getString(6);
                    pipeline.add(new ResultRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), project,
                            projects.get(project), focusArea, focusAreas.get(focusArea), municipality,
                            municipalities.get(municipality), rs.getString(7), rs.getBigDecimal(8),
                            rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11), rs.getString(12),
                            rs.getString(13), rs.getString(14), users.get(rs.getLong(15)),
                            times.local(rs.getObject(16, OffsetDateTime.class)), approver,
                            times.local(rs.getObject(18, OffsetDateTime.class)), false));
                }
            }
            pipeline.finish();
        }
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
