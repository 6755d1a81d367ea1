package no.hallingdal.jobbmal.export;

import no.hallingdal.jobbmal.export.ExportService.ResultRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A {@link ResultRow} as the payload of a {@link ResultSort} record, for the exports that need the row
 * itself (XLSX): every field but the date and id, which are the record's key, and the double count, which
 * the export keeps beside the payload.
 */
final class RowCodec {

    private RowCodec() {
    }

    static void encode(ResultRow r, Bytes out) {
        out.putInt(r.year());
        out.putLong(r.projectId());
        out.putString(r.project());
        out.putString(r.focusAreaCode());
        out.putString(r.focusArea());
        out.putString(r.municipalityCode());
        out.putString(r.municipality());
        out.putString(r.kind());
        putDecimal(out, r.amount());
        putDecimal(out, r.women());
        putDecimal(out, r.men());
        out.putString(r.company());
        out.putString(r.orgNumber());
        out.putString(r.status());
        out.putString(r.evidence());
        out.putString(r.registeredBy());
        putDateTime(out, r.registeredAt());
        out.putString(r.approvedBy());
        putDateTime(out, r.approvedAt());
    }

    static ResultRow decode(long day, long id, byte[] b, int offset, boolean doubleCount) {
        Bytes.Reader in = new Bytes.Reader(b, offset);
        return new ResultRow(id, LocalDate.ofEpochDay(day), in.getInt(), in.getLong(), in.getString(),
                in.getString(), in.getString(), in.getString(), in.getString(), in.getString(), getDecimal(in),
                getDecimal(in), getDecimal(in), in.getString(), in.getString(), in.getString(), in.getString(),
                in.getString(), getDateTime(in), in.getString(), getDateTime(in), doubleCount);
    }

    /** Null as 0; 1 + scale + unscaled long when it fits in one, else 2 + the exact text. */
    private static void putDecimal(Bytes out, BigDecimal d) {
        if (d == null) {
            out.putByte(0);
        } else if (d.unscaledValue().bitLength() < 64) {
            out.putByte(1);
            out.putInt(d.scale());
            out.putLong(d.unscaledValue().longValue());
        } else {
            out.putByte(2);
            out.putString(d.toString());
        }
    }

    private static BigDecimal getDecimal(Bytes.Reader in) {
        return switch (in.getByte()) {
            case 0 -> null;
            case 1 -> {
                int scale = in.getInt();
                yield BigDecimal.valueOf(in.getLong(), scale);
            }
            default -> new BigDecimal(in.getString());
        };
    }

    private static void putDateTime(Bytes out, LocalDateTime t) {
        if (t == null) {
            out.putByte(0);
        } else {
            out.putByte(1);
            out.putLong(t.toEpochSecond(ZoneOffset.UTC));
            out.putInt(t.getNano());
        }
    }

    private static LocalDateTime getDateTime(Bytes.Reader in) {
        if (in.getByte() == 0) {
            return null;
        }
        long seconds = in.getLong();
        return LocalDateTime.ofEpochSecond(seconds, in.getInt(), ZoneOffset.UTC);
    }
}
