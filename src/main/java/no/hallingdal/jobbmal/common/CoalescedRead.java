package no.hallingdal.jobbmal.common;

import java.util.function.LongSupplier;

/**
 * A read that callers running at the same time share, without ever getting a value older than their
 * call: a caller gets the value of a read that <em>started after it called</em>. At most one read runs at
 * a time. A caller that arrives while a read is running waits for it to end and then for the next read,
 * which it starts itself unless another waiting caller already has; all callers waiting at that moment
 * share that next read. So under load there is about one read per read's duration, however many
 * callers, and each caller waits for at most two reads.
 * <p>
 * Used for the {@link DataVersion}: every page view needs it, and 16 parallel dashboard requests then cost
 * one or two small queries instead of sixteen. A read that starts after the call sees every transaction
 * that had committed when the call was made (read committed), so sharing it never makes a page older than
 * the database.
 */
public final class CoalescedRead {

    private final LongSupplier read;
    private final Object lock = new Object();
    /** Number of reads started and of reads finished (successfully or not); a read's number is its order. */
    private long started;
    private long finished;
    /** The number and value of the latest successful read. */
    private long valueNumber;
    private long value;
    private boolean running;

    public CoalescedRead(LongSupplier read) {
        this.read = read;
    }

    /** The value of a read that started after this call (run by this thread or shared with others). */
    public long get() {
        long mine;
        synchronized (lock) {
            long needed = started + 1; // reads numbered from here on start after this call
            while (true) {
                if (valueNumber >= needed) {
                    return value;
                }
                if (!running) {
                    running = true;
                    mine = ++started;
                    break;
                }
                waitForRead();
            }
        }
        long v;
        try {
            v = read.getAsLong();
        } catch (RuntimeException | Error e) {
            finish(mine, false, 0);
            throw e; // callers waiting for this read start their own
        }
        finish(mine, true, v);
        return v;
    }

    /** How many reads have run (for tests). */
    public long reads() {
        synchronized (lock) {
            return finished;
        }
    }

    private void finish(long number, boolean ok, long v) {
        synchronized (lock) {
            running = false;
            finished = number;
            if (ok) {
                valueNumber = number;
                value = v;
            }
            lock.notifyAll();
        }
    }

    private void waitForRead() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a shared read", e);
        }
    }
}
