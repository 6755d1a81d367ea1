package no.hallingdal.jobbmal.backup;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of one table: the sum, modulo 2^256, of the SHA-256 of every row's canonical values
 * ({@link RowValues}). A sum, so the order of the rows does not matter: H2 and PostgreSQL may list the same
 * rows in different orders (collations differ), and the same data must give the same checksum on both.
 * Each value is fed with its length (or a null mark), so no two different rows give the same input.
 */
final class TableChecksum {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    private static final int NULL_MARK = -1;

    private final MessageDigest digest;
    private BigInteger sum = BigInteger.ZERO;
    private long rows;

    TableChecksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void add(String[] values) {
        for (String v : values) {
            if (v == null) {
                lengthPrefix(NULL_MARK);
            } else {
                byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                lengthPrefix(bytes.length);
                digest.update(bytes);
            }
        }
        sum = sum.add(new BigInteger(1, digest.digest())).mod(MODULUS);
        rows++;
    }

    private void lengthPrefix(int n) {
        digest.update((byte) (n >>> 24));
        digest.update((byte) (n >>> 16));
        digest.update((byte) (n >>> 8));
        digest.update((byte) n);
    }

    long rows() {
        return rows;
    }

    /** "sha256-sum:" and 64 hex digits. */
    String value() {
        byte[] raw = sum.toByteArray();
        byte[] fixed = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, fixed, 32 - n, n);
        return "sha256-sum:" + HexFormat.of().formatHex(fixed);
    }
}
