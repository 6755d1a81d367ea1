package no.hallingdal.jobbmal.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard of the first-start steps: a second transaction (as a second instance would) waits at
 * {@link StartupLock#acquire()} until the first one has committed. Runs on H2 and on PostgreSQL.
 */
@QuarkusTest
class StartupLockTest {

    private static final long HOLD_MILLIS = 400;

    @Inject
    StartupLock lock;

    @Test
    void aSecondHolderWaitsUntilTheFirstCommits() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstHolds = new CountDownLatch(1);
            Future<Long> first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                lock.acquire();
                firstHolds.countDown();
                Thread.sleep(HOLD_MILLIS);
                return System.nanoTime();
            }));
            assertTrue(firstHolds.await(10, TimeUnit.SECONDS), "the first transaction got the lock");
            Future<Long> second = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                lock.acquire();
                return System.nanoTime();
            }));
            long firstDone = first.get(10, TimeUnit.SECONDS);
            long secondGot = second.get(10, TimeUnit.SECONDS);
            assertTrue(secondGot >= firstDone,
                    "the second transaction got the lock only after the first one ended");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyInsideATransaction() {
        assertThrows(Exception.class, () -> lock.acquire());
    }
}
