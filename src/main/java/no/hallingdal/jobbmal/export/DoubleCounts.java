package no.hallingdal.jobbmal.export;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Organisation number and year pairs with new jobs in more than one project: a new-jobs result of such
 * a pair is a double count (the lists' rule, ResultService). Fed every counting result once with
 * {@link #add}, then {@link #finish()}ed, after which it keeps only the doubled pairs.
 * <p>
 * The export used to ask the database (GROUP BY org. number and year, COUNT(DISTINCT project) &gt; 1), but
 * H2 groups in a tree of every pair: with a million results and as many org. numbers that took 20–45 s.
 * Here a nine-digit org. number (all the app accepts) and a year are packed into one long in an
 * open-addressing table: 16 bytes and a flag per slot while counting. Anything else is kept by its text.
 */
final class DoubleCounts {

    private static final int YEARS = 10_000;

    private long[] keys = new long[1024]; // packed key + 1; 0 is an empty slot
    private long[] firstProject = new long[1024];
    private boolean[] many = new boolean[1024];
    private int size;
    private final Map<String, Long> otherFirst = new HashMap<>();
    private final Set<String> otherMany = new HashSet<>();
    private long[] doubled;

    /** Counts one new-jobs result (not withdrawn) with an org. number. */
    void add(String org, int year, long project) {
        long key = pack(org, year);
        if (key < 0) {
            String k = org + "|" + year;
            Long first = otherFirst.putIfAbsent(k, project);
            if (first != null && first != project) {
                otherMany.add(k);
            }
            return;
        }
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        int slot = slot(keys, key);
        if (keys[slot] == 0) {
            keys[slot] = key + 1;
            firstProject[slot] = project;
            size++;
        } else if (firstProject[slot] != project) {
            many[slot] = true;
        }
    }

    /** Ends the counting: keeps the doubled pairs only. */
    DoubleCounts finish() {
        long[] out = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (many[i]) {
                out[n++] = keys[i] - 1;
            }
        }
        doubled = Arrays.copyOf(out, n);
        Arrays.sort(doubled);
        keys = null;
        firstProject = null;
        many = null;
        otherFirst.clear();
        return this;
    }

    /** Whether the pair has new jobs in more than one project; after {@link #finish()}. */
    boolean contains(String org, int year) {
        if (org == null) {
            return false;
        }
        long key = pack(org, year);
        return key < 0 ? otherMany.contains(org + "|" + year) : Arrays.binarySearch(doubled, key) >= 0;
    }

    /** Whether the pair packed as {@link #pack} packs it (never −1) is doubled; after {@link #finish()}. */
    boolean contains(long packed) {
        return Arrays.binarySearch(doubled, packed) >= 0;
    }

    /** Pairs doubled (after {@link #finish()}). */
    int size() {
        return doubled.length + otherMany.size();
    }

    /** org × 10 000 + year for nine digits and a year in 0–9 999; −1 for anything else. */
    static long pack(String org, int year) {
        if (org.length() != 9 || year < 0 || year >= YEARS) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < 9; i++) {
            char c = org.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n * YEARS + year;
    }

    private static int slot(long[] table, long key) {
        int mask = table.length - 1;
        int i = (int) mix(key) & mask;
        while (table[i] != 0 && table[i] != key + 1) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldFirst = firstProject;
        boolean[] oldMany = many;
        keys = new long[oldKeys.length * 2];
        firstProject = new long[keys.length];
        many = new boolean[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(keys, oldKeys[i] - 1);
                keys[slot] = oldKeys[i];
                firstProject[slot] = oldFirst[i];
                many[slot] = oldMany[i];
            }
        }
    }
}
