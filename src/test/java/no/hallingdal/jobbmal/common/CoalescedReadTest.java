package no.hallingdal.jobbmal.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoalescedReadTest {

    /** The "database": a counter that writers raise; a read returns it as it is when the read starts. */
    private final AtomicLong committed = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void callsOneAfterTheOtherEachRead() {
        CoalescedRead r = new CoalescedRead(() -> {
            reads.incrementAndGet();
            return committed.get();
        });
        assertEquals(0, r.get());
        committed.set(7);
        assertEquals(7, r.get());
        assertEquals(7, r.get());
        assertEquals(3, reads.get());
        assertEquals(3, r.reads());
    }

    @Test
    void aCallDuringARunningReadGetsTheNextReadNotTheRunningOne() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CoalescedRead r = new CoalescedRead(() -> {
            long v = committed.get(); // the value as the read starts
            if (reads.incrementAndGet() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return v;
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> early = pool.submit(r::get);
            assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
            committed.set(1); // a write commits while the first read runs
            Future<Long> late = pool.submit(r::get); // asks after that commit
            Thread.sleep(100);
            assertFalse(late.isDone(), "the late caller must wait for a read of its own");
            releaseFirst.countDown();
            assertEquals(0, early.get(5, TimeUnit.SECONDS));
            assertEquals(1, late.get(5, TimeUnit.SECONDS), "never the value of a read that started before the call");
            assertEquals(2, reads.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callersWaitingTogetherShareOneRead() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CoalescedRead r = new CoalescedRead(() -> {
            long v = committed.get();
            if (reads.incrementAndGet() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return v;
        });
        int waiting = 12;
        ExecutorService pool = Executors.newFixedThreadPool(waiting + 1);
        try {
            Future<Long> first = pool.submit(r::get);
            assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
            committed.set(42);
            List<Future<Long>> others = new ArrayList<>();
            for (int i = 0; i < waiting; i++) {
                others.add(pool.submit(r::get));
            }
            Thread.sleep(200); // all of them are waiting behind the first read
            releaseFirst.countDown();
            assertEquals(0, first.get(5, TimeUnit.SECONDS));
            for (Future<Long> f : others) {
                assertEquals(42, f.get(5, TimeUnit.SECONDS));
            }
            assertEquals(2, reads.get(), "thirteen callers, two reads");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyParallelCallersNeverSeeAValueOlderThanTheirCall() throws Exception {
        CoalescedRead r = new CoalescedRead(() -> {
            reads.incrementAndGet();
            long v = committed.get();
            sleep(1);
            return v;
        });
        int threads = 16;
        int calls = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> stale = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                stale.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < calls; i++) {
                        long before = committed.incrementAndGet(); // this caller's own write, committed
                        if (r.get() < before) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : stale) {
                assertEquals(0, f.get(60, TimeUnit.SECONDS));
            }
            assertTrue(reads.get() < threads * calls, "reads were shared: " + reads.get() + " for " + threads * calls);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedReadFailsItsCallerAndTheNextCallReadsAgain() {
        AtomicInteger calls = new AtomicInteger();
        CoalescedRead r = new CoalescedRead(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return 5;
        });
        assertThrows(IllegalStateException.class, r::get);
        assertEquals(5, r.get());
        assertEquals(2, calls.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
