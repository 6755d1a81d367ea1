package no.hallingdal.jobbmal.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;

/**
 * The portable text of a column value, the same for H2 and PostgreSQL: whole numbers as digits, decimals
 * without trailing zeros ({@code 2.5}, {@code 10}), booleans {@code true}/{@code false}, dates
 * {@code 2024-05-10}, timestamps with a time zone as UTC instants ({@code 2024-05-10T08:15:30.123456Z}),
 * binary as Base64, text as it is; SQL NULL stays null (an unquoted empty CSV field). Reading and binding go
 * by the column's type in the database at hand, so a backup from one database loads into the other.
 */
final class RowValues {

    enum Kind { INTEGER, BIGINT, DECIMAL, DOUBLE, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, BINARY, TEXT, OTHER }

    private RowValues() {
    }

    static Kind kind(ResultSetMetaData md, int column) throws SQLException {
        return kind(md.getColumnType(column), md.getColumnTypeName(column));
    }

    static Kind kind(int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("timestamptz") || name.contains("with time zone") && name.startsWith("timestamp")) {
            return Kind.TIMESTAMP_TZ;
        }
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Kind.INTEGER;
            case Types.BIGINT -> Kind.BIGINT;
            case Types.NUMERIC, Types.DECIMAL -> Kind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> Kind.DOUBLE;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.DATE -> Kind.DATE;
            case Types.TIME -> Kind.TIME;
            case Types.TIMESTAMP -> Kind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP_TZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BINARY;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> Kind.TEXT;
            default -> Kind.OTHER;
        };
    }

    /** The portable text of column {@code i} of the current row, or null. */
    static String read(ResultSet rs, int i, Kind kind) throws SQLException {
        String text = switch (kind) {
            case INTEGER, BIGINT -> {
                long v = rs.getLong(i);
                yield rs.wasNull() ? null : Long.toString(v);
            }
            case DECIMAL -> {
                BigDecimal v = rs.getBigDecimal(i);
                yield v == null ? null : v.stripTrailingZeros().toPlainString();
            }
            case DOUBLE -> {
                double v = rs.getDouble(i);
                yield rs.wasNull() ? null : Double.toString(v);
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(i);
                yield rs.wasNull() ? null : Boolean.toString(v);
            }
            case DATE -> text(rs.getObject(i, LocalDate.class));
            case TIME -> text(rs.getObject(i, LocalTime.class));
            case TIMESTAMP -> text(rs.getObject(i, LocalDateTime.class));
            case TIMESTAMP_TZ -> {
                OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                yield v == null ? null : v.toInstant().toString();
            }
            case BINARY -> {
                byte[] v = rs.getBytes(i);
                yield v == null ? null : Base64.getEncoder().encodeToString(v);
            }
            case TEXT, OTHER -> rs.getString(i);
        };
        return text;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    /**
     * Binds portable text to parameter {@code i} for a column of the given kind and SQL type; {@code postgres}
     * lets PostgreSQL convert text to its own types (uuid, json), which H2 would store as a Java object.
     */
    static void bind(PreparedStatement ps, int i, Kind kind, int sqlType, String text, boolean postgres)
            throws SQLException {
        if (text == null) {
            ps.setNull(i, sqlType);
            return;
        }
        switch (kind) {
            case INTEGER -> ps.setInt(i, Integer.parseInt(text));
            case BIGINT -> ps.setLong(i, Long.parseLong(text));
            case DECIMAL -> ps.setBigDecimal(i, new BigDecimal(text));
            case DOUBLE -> ps.setDouble(i, Double.parseDouble(text));
            case BOOLEAN -> ps.setBoolean(i, parseBoolean(text));
            case DATE -> ps.setObject(i, LocalDate.parse(text));
            case TIME -> ps.setObject(i, LocalTime.parse(text));
            case TIMESTAMP -> ps.setObject(i, LocalDateTime.parse(text));
            case TIMESTAMP_TZ -> ps.setObject(i, OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC));
            case BINARY -> ps.setBytes(i, Base64.getDecoder().decode(text));
            case TEXT -> ps.setString(i, text);
            case OTHER -> {
                if (postgres) {
                    ps.setObject(i, text, Types.OTHER);
                } else {
                    ps.setString(i, text);
                }
            }
        }
    }

    private static boolean parseBoolean(String text) {
        if ("true".equals(text)) {
            return true;
        }
        if ("false".equals(text)) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean: " + text);
    }
}
