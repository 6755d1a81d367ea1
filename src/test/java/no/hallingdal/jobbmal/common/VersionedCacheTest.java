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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VersionedCacheTest {

    private final AtomicInteger computed = new AtomicInteger();

    private String compute(String value) {
        computed.incrementAndGet();
        return value;
    }

    @Test
    void sameVersionAndKeyComputesOnce() {
        VersionedCache<String, String> cache = new VersionedCache<>(10);
        assertEquals("a1", cache.get(1, "a", () -> compute("a1")));
        assertEquals("a1", cache.get(1, "a", () -> compute("other")));
        assertEquals("b1", cache.get(1, "b", () -> compute("b1")));
        assertEquals(2, computed.get());
        assertEquals(2, cache.size());
    }

    @Test
    void aNewerVersionDropsEveryOlderValue() {
        VersionedCache<String, String> cache = new VersionedCache<>(10);
        cache.get(1, "a", () -> compute("a1"));
        cache.get(1, "b", () -> compute("b1"));
        assertEquals("a2", cache.get(2, "a", () -> compute("a2")));
        assertEquals(1, cache.size());
        assertEquals("b2", cache.get(2, "b", () -> compute("b2")));
        assertEquals(4, computed.get());
    }

    @Test
    void aReaderWithAnOlderVersionComputesButNeverReplacesNewerValues() {
        VersionedCache<String, String> cache = new VersionedCache<>(10);
        cache.get(5, "a", () -> compute("a5"));
        // a request that read version 4 before a write committed
        assertEquals("a4", cache.get(4, "a", () -> compute("a4")));
        assertEquals("a5", cache.get(5, "a", () -> compute("never")));
        assertEquals(2, computed.get());
    }

    @Test
    void uncommittedVersionIsNeverCached() {
        VersionedCache<String, String> cache = new VersionedCache<>(10);
        cache.get(DataVersion.UNCOMMITTED, "a", () -> compute("x"));
        cache.get(DataVersion.UNCOMMITTED, "a", () -> compute("y"));
        assertEquals(2, computed.get());
        assertEquals(0, cache.size());
    }

    @Test
    void aFullCacheStillAnswersWithoutKeepingMore() {
        VersionedCache<String, String> cache = new VersionedCache<>(2);
        cache.get(1, "a", () -> compute("a"));
        cache.get(1, "b", () -> compute("b"));
        assertEquals("c", cache.get(1, "c", () -> compute("c")));
        assertEquals("c", cache.get(1, "c", () -> compute("c")));
        assertEquals(2, cache.size());
        assertEquals(4, computed.get());
        assertEquals("a", cache.get(1, "a", () -> compute("never")));
    }

    @Test
    void aFailedComputationIsNotCached() {
        VersionedCache<String, String> cache = new VersionedCache<>(10);
        assertThrows(IllegalStateException.class, () -> cache.get(1, "a", () -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals(0, cache.size());
        assertEquals("a1", cache.get(1, "a", () -> compute("a1")));
    }

    @Test
    void concurrentRequestsForOneMissingValueComputeItOnce() throws Exception {
        VersionedCache<String, String> cache = new VersionedCache<>(10);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<String> first = pool.submit(() -> cache.get(1, "a", () -> {
                inside.countDown();
                await(release);
                return compute("a1");
            }));
            inside.await(5, TimeUnit.SECONDS);
            List<Future<String>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> cache.get(1, "a", () -> compute("duplicate"))));
            }
            Thread.sleep(100); // the others are now waiting for the first computation
            release.countDown();
            assertEquals("a1", first.get(5, TimeUnit.SECONDS));
            for (Future<String> f : others) {
                assertEquals("a1", f.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
