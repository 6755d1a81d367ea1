package no.hallingdal.jobbmal.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte array that the export's records and CSV lines are written into, with the small binary
 * encodings the records use and {@link #putUtf8} for text. {@link Reader} reads the binary encodings back.
 */
final class Bytes {

    byte[] bytes;
    int length;

    Bytes(int capacity) {
        bytes = new byte[capacity];
    }

    void clear() {
        length = 0;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }

    void put(byte[] b) {
        put(b, 0, b.length);
    }

    void put(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, length, len);
        length += len;
    }

    void putByte(int v) {
        ensure(1);
        bytes[length++] = (byte) v;
    }

    void putInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (v >>> shift);
        }
    }

    void putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (v >>> shift);
        }
    }

    /** An unsigned number in 7-bit groups, low group first: one byte up to 127. */
    void putVar(int v) {
        while ((v & ~0x7F) != 0) {
            putByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        putByte(v);
    }

    /** Null as 0, else the UTF-8 length + 1 and the bytes. */
    void putString(String s) {
        if (s == null) {
            putVar(0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        putVar(b.length + 1);
        put(b, 0, b.length);
    }

    /** A number as {@link Long#toString(long)} writes it. */
    void putLongText(long v) {
        if (v == Long.MIN_VALUE) {
            putAscii(Long.toString(v));
            return;
        }
        if (v < 0) {
            putByte('-');
            v = -v;
        }
        int digits = 1;
        for (long p = 10; digits < 19 && v >= p; p *= 10) {
            digits++;
        }
        putDigits(v, digits);
    }

    /** {@code v} as exactly {@code width} digits, 0 ≤ v &lt; 10^width. */
    void putDigits(long v, int width) {
        ensure(width);
        int end = length + width;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length = end;
    }

    /** Text known to be ASCII only, one byte per character. */
    void putAscii(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    /**
     * Text in UTF-8, byte for byte as {@link String#getBytes} with UTF-8 writes it: a surrogate pair as one
     * four-byte character, a surrogate without its partner as {@code ?}.
     */
    void putUtf8(CharSequence s) {
        int n = s.length();
        ensure(n);
        int i = 0;
        // the usual case: ASCII, one byte each
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            bytes[length++] = (byte) c;
            i++;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                putByte(c);
            } else if (c < 0x800) {
                ensure(2);
                bytes[length++] = (byte) (0xC0 | c >> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                char low;
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(low = s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, low);
                    ensure(4);
                    bytes[length++] = (byte) (0xF0 | cp >> 18);
                    bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    bytes[length++] = (byte) (0x80 | cp & 0x3F);
                    i++;
                } else {
                    putByte('?');
                }
            } else {
                ensure(3);
                bytes[length++] = (byte) (0xE0 | c >> 12);
                bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static long getLong(byte[] b, int at) {
        return (long) getInt(b, at) << 32 | (getInt(b, at + 4) & 0xFFFFFFFFL);
    }

    /** Reads what {@link Bytes} wrote, from a byte array. */
    static final class Reader {
        final byte[] b;
        int at;

        Reader(byte[] b, int at) {
            this.b = b;
            this.at = at;
        }

        int getByte() {
            return b[at++];
        }

        int getInt() {
            int v = Bytes.getInt(b, at);
            at += 4;
            return v;
        }

        long getLong() {
            long v = Bytes.getLong(b, at);
            at += 8;
            return v;
        }

        int getVar() {
            int v = 0;
            for (int shift = 0; ; shift += 7) {
                int x = b[at++];
                v |= (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
        }

        String getString() {
            int n = getVar();
            if (n == 0) {
                return null;
            }
            String s = new String(b, at, n - 1, StandardCharsets.UTF_8);
            at += n - 1;
            return s;
        }
    }
}
