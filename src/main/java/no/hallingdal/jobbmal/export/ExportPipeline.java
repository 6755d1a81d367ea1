package no.hallingdal.jobbmal.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Hands the rows an export reads to a second thread that encodes them (formats the CSV line, adds it to the
 * sort, which may write a run to disk), so that reading the database and encoding run on two cores at once.
 * The reading thread collects {@link #BATCH} rows at a time and puts them in a queue of at most
 * {@link #QUEUED} batches; the encoding thread takes them in order, so the rows are encoded in the order they
 * were read.
 * <p>
 * A failure on either side stops the other: when the encoding thread fails, the reading thread's next
 * {@link #add} or {@link #finish()} throws that exception (within a few milliseconds); when the reading
 * side fails, {@link #close()} tells the encoding thread to stop, interrupts it and waits until it has
 * returned, so whatever it wrote into can be cleaned up safely afterwards. When the executor has no thread
 * to spare the rows are encoded on the reading thread itself, one after the other.
 */
final class ExportPipeline<T> implements AutoCloseable {

    static final int BATCH = 512;
    /**
     * Batches waiting at most: 8 192 rows, a few MB. Enough that the reading thread rarely waits while the
     * encoding thread writes a sorted run to disk; with 4 it waited 0.4–1 s of a million-row export, with 16
     * about 0.1–0.4 s, with 64 no less.
     */
    static final int QUEUED = 16;
    private static final Object[] END = new Object[0];

    /** Encodes one row; runs on the encoding thread. */
    @FunctionalInterface
    interface Encoder<T> {
        void encode(T row) throws IOException;
    }

    private final Encoder<T> encoder;
    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private final CountDownLatch done = new CountDownLatch(1);
    private final boolean inline;
    private volatile boolean stopped;
    private volatile boolean ended; // the encoding thread took the last batch
    private volatile Throwable failure;
    private Thread worker; // while the encoding task runs; guarded by this
    private Object[] batch = new Object[BATCH];
    private int size;

    /** Starts the encoding task on {@code executor}; encodes on the calling thread if it is refused. */
    ExportPipeline(Executor executor, Encoder<T> encoder) {
        this.encoder = encoder;
        boolean refused = false;
        try {
            executor.execute(this::run);
        } catch (RejectedExecutionException e) {
            refused = true;
            done.countDown();
        }
        this.inline = refused;
    }

    /** Whether the rows are encoded on the calling thread (the executor had no thread to spare). */
    boolean inline() {
        return inline;
    }

    /** Hands on one row; throws the encoding thread's failure if it has failed. */
    void add(T row) throws IOException {
        if (inline) {
            encoder.encode(row);
            return;
        }
        batch[size++] = row;
        if (size == BATCH) {
            handOver(batch);
            batch = new Object[BATCH];
            size = 0;
        }
    }

    /** Hands on the last rows and waits until every row is encoded; throws the encoding thread's failure. */
    void finish() throws IOException {
        if (inline) {
            return;
        }
        if (size > 0) {
            handOver(Arrays.copyOf(batch, size));
            size = 0;
        }
        handOver(END);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
        rethrowFailure();
        if (!ended) {
            throw new IOException("export encoding thread ended early");
        }
    }

    private void handOver(Object[] rows) throws IOException {
        try {
            while (!queue.offer(rows, 10, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
                if (done.getCount() == 0) {
                    throw new IOException("export encoding thread ended early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
        rethrowFailure();
    }

    private void rethrowFailure() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException e) {
            throw e;
        } else if (f instanceof RuntimeException e) {
            throw e;
        } else if (f instanceof Error e) {
            throw e;
        } else if (f != null) {
            throw new IOException(f);
        }
    }

    /**
     * Stops the encoding thread if it still runs (the reading side failed) and waits until it has returned;
     * after {@link #finish()} there is nothing left to do.
     */
    @Override
    public void close() {
        if (done.getCount() == 0) {
            return;
        }
        stopped = true;
        synchronized (this) {
            if (worker != null) {
                worker.interrupt();
            }
        }
        queue.clear();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private void run() {
        synchronized (this) {
            worker = Thread.currentThread();
        }
        try {
            while (!stopped) {
                Object[] rows = queue.take();
                if (rows == END) {
                    ended = true;
                    return;
                }
                for (Object row : rows) {
                    if (stopped) {
                        return;
                    }
                    encoder.encode((T) row);
                }
            }
        } catch (InterruptedException e) {
            if (!stopped) { // not by close(): the pool is shutting down
                failure = new InterruptedIOException("export encoding interrupted");
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            synchronized (this) {
                worker = null;
                Thread.interrupted(); // an interrupt from close() is for this task only, not the pool's thread
            }
            done.countDown();
        }
    }
}
