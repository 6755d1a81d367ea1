package no.hallingdal.jobbmal.export;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts the results export by date and id within a fixed memory budget (an external merge sort).
 * <p>
 * Reading a million results in index order (result_date, id) cost H2 a B-tree page per row, about 70 % of
 * a 74 s export: the rows lie in id order, not date order. Read in table order and sorted here instead,
 * each page is read once. A record is a row's date (epoch day) and id, its sort key, and a payload of bytes
 * that the sort does not look into: the CSV line already formatted, or the row's fields (XLSX, see
 * {@link RowCodec}). Records are kept in one byte buffer; when the buffer is full it is sorted and written
 * to a temporary file as a sorted run, and at the end the runs (and what is left in the buffer) are merged.
 * More than {@link #DEFAULT_FAN_IN} runs are first merged in groups, so memory does not grow with the
 * number of rows, whatever their dates. {@link #close()} deletes every temporary file, also after an error
 * or a download broken off by the client.
 * <p>
 * Not thread-safe: one thread adds (the export's encoding thread), then another may drain, once the first
 * is done with it (the export waits for it).
 */
final class ResultSort implements Closeable {

    /** Bytes of records (with their keys) held in memory before a sorted run is written to disk. */
    static final int DEFAULT_MEMORY = 16 * 1024 * 1024;
    /** Runs merged at once; each reading run holds a buffer of {@link #READ_BUFFER} bytes. */
    static final int DEFAULT_FAN_IN = 64;
    static final int READ_BUFFER = 64 * 1024;
    /** Memory taken per record beside its bytes: its start, date and id, and its place while sorting. */
    static final int PER_ROW = 48;
    /** The key at the start of every record: date (epoch day) and id. */
    static final int KEY = 16;

    private final int memory;
    private final int fanIn;
    private Bytes buffer = new Bytes(64 * 1024);
    private int[] starts = new int[1024];
    private long[] days = new long[1024];
    private long[] ids = new long[1024];
    private int count;
    private final List<Path> runs = new ArrayList<>();
    private final List<Closeable> open = new ArrayList<>();
    private int spilled;

    ResultSort() {
        this(DEFAULT_MEMORY, DEFAULT_FAN_IN);
    }

    ResultSort(int memory, int fanIn) {
        if (fanIn < 2) {
            throw new IllegalArgumentException("fan-in must be at least 2");
        }
        this.memory = memory;
        this.fanIn = fanIn;
    }

    /**
     * Adds a record: the payload {@code length} bytes of {@code payload} under the key (day, id); writes the
     * buffer to disk as a sorted run first when the record does not fit beside it.
     */
    void add(long day, long id, byte[] payload, int length) throws IOException {
        int size = KEY + length;
        if (count > 0 && buffer.length + size + (long) (count + 1) * PER_ROW > memory) {
            spill();
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            days = Arrays.copyOf(days, count * 2);
            ids = Arrays.copyOf(ids, count * 2);
        }
        starts[count] = buffer.length;
        days[count] = day;
        ids[count] = id;
        count++;
        buffer.putLong(day);
        buffer.putLong(id);
        buffer.put(payload, 0, length);
    }

    /** Sorted runs written to disk so far (for tests and the log). */
    int spilledRuns() {
        return spilled;
    }

    /** Receives the records in order: the key and the payload. */
    @FunctionalInterface
    interface RecordSink {
        void accept(long day, long id, byte[] payload, int offset, int length) throws IOException;
    }

    /**
     * Hands every record added to {@code sink} in date and id order and returns how many; call once. An
     * exception from the sink ends the merge; {@link #close()} still deletes the runs.
     */
    long drain(RecordSink sink) throws IOException {
        while (runs.size() + 1 > fanIn) {
            mergeFirstRunsToDisk();
        }
        List<Run> sources = new ArrayList<>();
        for (Path p : runs) {
            sources.add(open(p));
        }
        sources.add(new MemoryRun(sortedOrder()));
        long[] n = {0};
        merge(sources, r -> {
            sink.accept(r.day, r.id, r.bytes, r.offset + KEY, r.length - KEY);
            n[0]++;
        });
        return n[0];
    }

    /** Deletes every temporary file. */
    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        open.clear();
        for (Path p : runs) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                failed = e;
            }
        }
        runs.clear();
        buffer = new Bytes(0);
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Record numbers of the buffer in date and id order. Sorted as primitive (date, record number) pairs,
     * so equal dates keep the order they came in, which is id order when the database scanned its primary
     * key; only where it is not are those rows sorted by id.
     */
    private int[] sortedOrder() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, days[i]);
            max = Math.max(max, days[i]);
        }
        Integer[] boxed = new Integer[count];
        if (count > 0 && max - min >= 1L << 31) { // dates more than five million years apart
            for (int i = 0; i < count; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, Comparator.<Integer>comparingLong(i -> days[i]).thenComparingLong(i -> ids[i]));
            return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = (days[i] - min) << 32 | i;
        }
        Arrays.sort(keys);
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = (int) keys[k];
        }
        for (int from = 0, to; from < count; from = to) {
            to = from + 1;
            boolean ascending = true;
            while (to < count && days[order[to]] == days[order[from]]) {
                ascending &= ids[order[to - 1]] < ids[order[to]];
                to++;
            }
            if (!ascending) {
                for (int k = from; k < to; k++) {
                    boxed[k] = order[k];
                }
                Arrays.sort(boxed, from, to, Comparator.<Integer>comparingLong(i -> ids[i]));
                for (int k = from; k < to; k++) {
                    order[k] = boxed[k];
                }
            }
        }
        return order;
    }

    private void spill() throws IOException {
        Path file = newRun();
        try (DataOutputStream out = output(file)) {
            for (int i : sortedOrder()) {
                int end = i + 1 < count ? starts[i + 1] : buffer.length;
                out.writeInt(end - starts[i]);
                out.write(buffer.bytes, starts[i], end - starts[i]);
            }
        }
        count = 0;
        buffer.length = 0;
    }

    /** Merges the first {@code fanIn} runs on disk into one new run at the end of the list. */
    private void mergeFirstRunsToDisk() throws IOException {
        List<Path> group = new ArrayList<>(runs.subList(0, fanIn));
        List<Run> sources = new ArrayList<>();
        for (Path p : group) {
            sources.add(open(p));
        }
        Path file = newRun();
        try (DataOutputStream out = output(file)) {
            merge(sources, r -> {
                out.writeInt(r.length);
                out.write(r.bytes, r.offset, r.length);
            });
        }
        for (Run r : sources) {
            r.close();
            open.remove(r);
        }
        for (Path p : group) {
            Files.deleteIfExists(p);
            runs.remove(p);
        }
    }

    private Path newRun() throws IOException {
        Path file = Files.createTempFile(StaleRunFiles.PREFIX, StaleRunFiles.SUFFIX);
        runs.add(file);
        spilled++;
        return file;
    }

    private static DataOutputStream output(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), READ_BUFFER));
    }

    private FileRun open(Path file) throws IOException {
        FileRun r = new FileRun(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), READ_BUFFER)));
        open.add(r);
        return r;
    }

    @FunctionalInterface
    private interface RunSink {
        void accept(Run current) throws IOException;
    }

    private static final Comparator<Run> BY_KEY = (a, b) -> a.day != b.day ? Long.compare(a.day, b.day)
            : Long.compare(a.id, b.id);

    /** The k-way merge: always hands on the run whose current record has the smallest (date, id). */
    private static void merge(List<Run> sources, RunSink out) throws IOException {
        PriorityQueue<Run> queue = new PriorityQueue<>(Math.max(1, sources.size()), BY_KEY);
        for (Run r : sources) {
            if (r.advance()) {
                queue.add(r);
            }
        }
        while (!queue.isEmpty()) {
            Run r = queue.poll();
            out.accept(r);
            if (r.advance()) {
                queue.add(r);
            }
        }
    }

    /** A sorted sequence of records; {@link #advance()} moves to the next one and fills the fields. */
    private abstract static class Run implements Closeable {
        long day;
        long id;
        byte[] bytes;
        int offset;
        int length;

        abstract boolean advance() throws IOException;

        @Override
        public void close() throws IOException {
        }

        void key() {
            day = Bytes.getLong(bytes, offset);
            id = Bytes.getLong(bytes, offset + 8);
        }
    }

    /** The records still in the buffer, in sorted order. */
    private final class MemoryRun extends Run {
        private final int[] order;
        private int next;

        MemoryRun(int[] order) {
            this.order = order;
            this.bytes = buffer.bytes;
        }

        @Override
        boolean advance() {
            if (next == order.length) {
                return false;
            }
            int i = order[next++];
            offset = starts[i];
            length = (i + 1 < count ? starts[i + 1] : buffer.length) - offset;
            key();
            return true;
        }
    }

    /** A sorted run on disk: records each preceded by its length. */
    private static final class FileRun extends Run {
        private final DataInputStream in;

        FileRun(DataInputStream in) {
            this.in = in;
            this.bytes = new byte[512];
        }

        @Override
        boolean advance() throws IOException {
            int n;
            try {
                n = in.readInt();
            } catch (EOFException end) {
                return false;
            }
            if (n > bytes.length) {
                bytes = new byte[Math.max(n, bytes.length * 2)];
            }
            in.readFully(bytes, 0, n);
            length = n;
            key();
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
