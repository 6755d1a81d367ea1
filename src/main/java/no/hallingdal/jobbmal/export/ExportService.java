package no.hallingdal.jobbmal.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Formats;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.result.DoubleCount;
import no.hallingdal.jobbmal.result.ResultFigure;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the rows of the exports (docs/exports.md). The results are streamed from the database in date and id
 * order, names and double count included, through a forward-only cursor: memory does not grow with the
 * number of rows.
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

    /** Rows fetched from the database at a time. */
    static final int FETCH_SIZE = 1000;

    /** One row per result with its double count, in the order of the index on (result_date, id); names: {@link Names}. */
    static final String RESULTS_SQL = """
            SELECT r.id, r.result_date, r.result_year, r.project_id, r.focus_area_id, r.municipality_code, r.kind,
                   r.amount, r.women, r.men, r.company_name, r.org_number, r.status, r.evidence, r.registered_by,
                   r.registered_at, r.approved_by, r.approved_at, CASE WHEN %s THEN 1 ELSE 0 END
            FROM result r""".formatted(DoubleCount.SQL);

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

    /** What the export page offers to filter by. */
    public record Choices(List<Integer> years, List<Municipality> municipalities, List<FocusArea> focusAreas) {
    }

    /** The programme's years, municipalities and focus areas, in their order. */
    public Choices choices(Programme p) {
        return new Choices(p.years(), List.copyOf(p.municipalities), FocusArea.listFor(p.id));
    }

    /**
     * Streams every result matching the filter to {@code sink}, in date and id order; returns the row count.
     * A failure of the sink (a client that hung up) ends the query and gives the connection back.
     */
    public long results(ExportFilter filter, RowSink<ResultRow> sink) throws IOException {
        List<Object> params = new ArrayList<>();
        String sql = RESULTS_SQL + filter.where(params) + " ORDER BY r.result_date, r.id";
        long n = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            boolean h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only outside autocommit
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // names and rows from one snapshot
            try {
                if (h2) {
                    lazy(c, true);
                }
                Names names = new Names(c);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setFetchSize(FETCH_SIZE);
                    bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sink.accept(row(rs, names));
                            n++;
                        }
                    }
                }
            } finally {
                c.rollback();
                if (h2) {
                    lazy(c, false);
                }
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("export query failed", e);
        }
        return n;
    }

    private static ResultRow row(ResultSet rs, Names names) throws SQLException {
        long project = rs.getLong(4);
        long focusAreaId = rs.getLong(5);
        FocusAreaName focusArea = names.focusAreas.get(focusAreaId);
        String municipality = rs.getString(6);
        long approvedBy = rs.getLong(17);
        String approver = rs.wasNull() ? null : names.users.get(approvedBy);
        return new ResultRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), project,
                names.projects.get(project), focusArea == null ? null : focusArea.code(),
                focusArea == null ? null : focusArea.name(), municipality,
                names.municipalities.get(municipality), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                names.users.get(rs.getLong(15)), local(rs.getObject(16, OffsetDateTime.class)), approver,
                local(rs.getObject(18, OffsetDateTime.class)), rs.getInt(19) == 1);
    }

    private record FocusAreaName(String code, String name) {
    }

    /** The names the rows refer to: small tables, read whole. */
    private static final class Names {
        final Map<Long, String> projects = new HashMap<>();
        final Map<Long, String> users = new HashMap<>();
        final Map<Long, FocusAreaName> focusAreas = new HashMap<>();
        final Map<String, String> municipalities = new HashMap<>();

        Names(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                read(st, "SELECT id, name FROM project", rs -> projects.put(rs.getLong(1), rs.getString(2)));
                read(st, "SELECT id, display_name FROM app_user", rs -> users.put(rs.getLong(1), rs.getString(2)));
                read(st, "SELECT id, code, name_nb FROM focus_area",
                        rs -> focusAreas.put(rs.getLong(1), new FocusAreaName(rs.getString(2), rs.getString(3))));
                read(st, "SELECT code, name FROM municipality", rs -> municipalities.put(rs.getString(1), rs.getString(2)));
            }
        }

        private static void read(Statement st, String sql, RowReader reader) throws SQLException {
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }

        @FunctionalInterface
        private interface RowReader {
            void read(ResultSet rs) throws SQLException;
        }
    }

    /** Norwegian local time, to the second. */
    private static LocalDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Formats.ZONE).toLocalDateTime().withNano(0);
    }

    /** H2 hands rows over as it reads them only in lazy mode; otherwise it first copies the whole result. */
    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
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

        SummaryRow(Integer year, String municipalityCode, String municipality, String focusAreaCode, String focusArea,
                Map<ResultFigure, BigDecimal> sums, Kind kind) {
            this(year, municipalityCode, municipality, focusAreaCode, focusArea, one(sums, ResultFigure.COUNTED),
                    one(sums, ResultFigure.PENDING), one(sums, ResultFigure.SECURED_JOBS),
                    one(sums, ResultFigure.NEW_COMPANIES), kind);
        }

        private static BigDecimal one(Map<ResultFigure, BigDecimal> sums, ResultFigure figure) {
            return sums.getOrDefault(figure, BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
        }
    }

    /** A summary cell: municipality and focus area, in their sort order. */
    private record Cell(Municipality municipality, FocusArea focusArea) {
        static final Comparator<Cell> ORDER = Comparator.<Cell>comparingInt(c -> c.municipality.sortOrder)
                .thenComparingInt(c -> c.focusArea.sortOrder)
                .thenComparing(c -> c.municipality.code)
                .thenComparing(c -> c.focusArea.code);
    }

    /**
     * The summary: one row per year × municipality × focus area that has anything, then a total row per
     * year and a grand total row. Which figure a result adds to is {@link ResultFigure}'s rule.
     */
    public List<SummaryRow> summary(ExportFilter filter) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT r.result_year, r.municipality_code, r.focus_area_id, r.kind, r.status, SUM(r.amount)"
                + " FROM result r" + filter.where(params)
                + " GROUP BY r.result_year, r.municipality_code, r.focus_area_id, r.kind, r.status";
        Map<String, Municipality> municipalities = new HashMap<>();
        Municipality.<Municipality>listAll().forEach(m -> municipalities.put(m.code, m));
        Map<Long, FocusArea> focusAreas = new HashMap<>();
        FocusArea.listFor(filter.programmeId()).forEach(f -> focusAreas.put(f.id, f));
        TreeMap<Integer, TreeMap<Cell, Map<ResultFigure, BigDecimal>>> years = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var figure = ResultFigure.of(rs.getString(4), rs.getString(5));
                    if (figure.isEmpty()) {
                        continue;
                    }
                    Cell cell = new Cell(municipalities.get(rs.getString(2)), focusAreas.get(rs.getLong(3)));
                    years.computeIfAbsent(rs.getInt(1), y -> new TreeMap<>(Cell.ORDER))
                            .computeIfAbsent(cell, k -> new EnumMap<>(ResultFigure.class))
                            .merge(figure.get(), rs.getBigDecimal(6), BigDecimal::add);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("summary query failed", e);
        }
        List<SummaryRow> out = new ArrayList<>();
        Map<ResultFigure, BigDecimal> grand = new EnumMap<>(ResultFigure.class);
        for (var year : years.entrySet()) {
            Map<ResultFigure, BigDecimal> yearSum = new EnumMap<>(ResultFigure.class);
            for (var cell : year.getValue().entrySet()) {
                Municipality m = cell.getKey().municipality();
                FocusArea f = cell.getKey().focusArea();
                out.add(new SummaryRow(year.getKey(), m.code, m.name, f.code, f.nameNb, cell.getValue(),
                        SummaryRow.Kind.CELL));
                cell.getValue().forEach((figure, sum) -> yearSum.merge(figure, sum, BigDecimal::add));
            }
            out.add(new SummaryRow(year.getKey(), null, "Sum " + year.getKey(), null, null, yearSum,
                    SummaryRow.Kind.YEAR_TOTAL));
            yearSum.forEach((figure, sum) -> grand.merge(figure, sum, BigDecimal::add));
        }
        out.add(new SummaryRow(null, null, "Totalt", null, null, grand, SummaryRow.Kind.GRAND_TOTAL));
        return out;
    }
}
