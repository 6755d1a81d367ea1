package no.hallingdal.jobbmal.backup;

import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group commit: every call returns only after a checkpoint that started after the call began (so it
 * covers the caller's commit), and parallel calls share checkpoints.
 */
class DurableAnswersTest {

    record Span(long start, long end) {
    }

    @Test
    void eachCallWaitsForACheckpointThatStartedAfterItAndParallelCallsShareThem() throws Exception {
        AtomicLong clock = new AtomicLong();
        List<Span> checkpoints = new CopyOnWriteArrayList<>();
        Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Statement.class}, (p, m, a) -> {
                    if (m.getName().equals("execute")) {
                        assertTrue("CHECKPOINT".equals(a[0]));
                        long start = clock.incrementAndGet();
                        Thread.sleep(2);
                        checkpoints.add(new Span(start, clock.incrementAndGet()));
                        return false;
                    }
                    return null;
                });
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> m.getName().equals("createStatement") ? statement : null);
        DurableAnswers durable = new DurableAnswers();
        durable.dataSource = (AgroalDataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AgroalDataSource.class}, (p, m, a) -> m.getName().equals("getConnection") ? connection : null);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Span>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 800; i++) {
            calls.add(pool.submit(() -> {
                long begin = clock.incrementAndGet();
                durable.writeOut();
                return new Span(begin, clock.incrementAndGet());
            }));
        }
        for (Future<Span> f : calls) {
            Span call = f.get();
            assertTrue(checkpoints.stream().anyMatch(c -> c.start() > call.start() && c.end() < call.end()),
                    "a checkpoint began after the call and ended before it returned");
        }
        pool.shutdown();
        assertTrue(checkpoints.size() < 800, "parallel calls share checkpoints: " + checkpoints.size() + " for 800 calls");
    }
}
