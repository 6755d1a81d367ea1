package no.hallingdal.jobbmal.export;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-over from the reading thread to the encoding thread: order, failures on either side, no thread left busy. */
class ExportPipelineTest {

    final ThreadPoolExecutor executor = new ThreadPoolExecutor(0, 2, 30, TimeUnit.SECONDS, new SynchronousQueue<>());

    @AfterEach
    void noThreadLeftBehind() throws InterruptedException {
        executor.shutdown();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "the encoding thread ended");
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {0, 1, ExportPipeline.BATCH - 1, ExportPipeline.BATCH, ExportPipeline.BATCH + 1, 20_000})
    void everyRowIsEncodedOnceInOrderOnTheOtherThread(int n) throws IOException {
        List<Integer> encoded = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.currentThread();
        AtomicBoolean elsewhere = new AtomicBoolean(true);
        try (ExportPipeline<Integer> pipeline = new ExportPipeline<>(executor, row -> {
            elsewhere.compareAndSet(true, Thread.currentThread() != reader);
            encoded.add(row);
        })) {
            assertFalse(pipeline.inline());
            for (int i = 0; i < n; i++) {
                pipeline.add(i);
            }
            pipeline.finish();
        }
        assertEquals(IntStream.range(0, n).boxed().toList(), encoded);
        assertTrue(elsewhere.get(), "encoded on the second thread");
    }

    @Test
    void withoutASpareThreadTheReaderEncodes() throws IOException {
        Executor full = r -> {
            throw new RejectedExecutionException("no thread");
        };
        List<Integer> encoded = new ArrayList<>();
        Thread reader = Thread.currentThread();
        try (ExportPipeline<Integer> pipeline = new ExportPipeline<>(full, row -> {
            assertSame(reader, Thread.currentThread());
            encoded.add(row);
        })) {
            assertTrue(pipeline.inline());
            for (int i = 0; i < 1000; i++) {
                pipeline.add(i);
            }
            pipeline.finish();
        }
        assertEquals(1000, encoded.size());
    }

    @ParameterizedTest(name = "fails at row {0}")
    @ValueSource(ints = {0, 700, 9_999})
    void aFailureWhileEncodingStopsTheReaderWithThatException(int at) throws InterruptedException {
        IOException failure = new IOException("disk full");
        AtomicInteger encoded = new AtomicInteger();
        AtomicInteger added = new AtomicInteger();
        IOException thrown = assertThrows(IOException.class, () -> assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> {
                    try (ExportPipeline<Integer> pipeline = new ExportPipeline<>(executor, row -> {
                        if (row == at) {
                            throw failure;
                        }
                        encoded.incrementAndGet();
                    })) {
                        for (int i = 0; i < 1_000_000; i++) { // far more than get through before the failure shows
                            pipeline.add(i);
                            added.incrementAndGet();
                        }
                        pipeline.finish();
                    }
                }));
        assertSame(failure, thrown);
        assertEquals(at, encoded.get(), "nothing encoded after the failure");
        assertTrue(added.get() < 1_000_000, "the reader stopped early: " + added.get());
        assertEquals(0, awaitIdle(), "the encoding thread is not busy any more");
    }

    @Test
    void aRuntimeFailureIsRethrownAsItIs() {
        IllegalStateException failure = new IllegalStateException("bug");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (ExportPipeline<Integer> pipeline = new ExportPipeline<>(executor, row -> {
                throw failure;
            })) {
                pipeline.add(1);
                pipeline.finish();
            }
        });
        assertSame(failure, thrown);
    }

    @Test
    void whenTheReaderFailsCloseStopsTheEncoderAndWaitsForIt() throws InterruptedException {
        CountDownLatch encoding = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicInteger encoded = new AtomicInteger();
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            UncheckedIOException readFailure = assertThrows(UncheckedIOException.class, () -> {
                try (ExportPipeline<Integer> pipeline = new ExportPipeline<>(executor, row -> {
                    encoded.incrementAndGet();
                    encoding.countDown();
                    try {
                        Thread.sleep(60_000); // a slow encoder: only an interrupt ends this
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw new java.io.InterruptedIOException();
                    }
                })) {
                    for (int i = 0; i < 3 * ExportPipeline.BATCH; i++) {
                        pipeline.add(i);
                    }
                    assertTrue(encoding.await(5, TimeUnit.SECONDS));
                    throw new UncheckedIOException(new IOException("export query failed"));
                }
            });
            assertEquals("export query failed", readFailure.getCause().getMessage());
        });
        assertTrue(interrupted.get(), "the encoder was interrupted");
        assertEquals(1, encoded.get(), "and encoded nothing more");
        assertEquals(0, awaitIdle(), "the encoding thread is not busy any more");
    }

    @Test
    void anEncoderStoppedFromOutsideFailsTheExportInsteadOfCuttingItShort() {
        CountDownLatch started = new CountDownLatch(1);
        assertThrows(java.io.InterruptedIOException.class, () -> assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> {
                    try (ExportPipeline<Integer> pipeline = new ExportPipeline<>(executor, row -> started.countDown())) {
                        for (int i = 0; i < ExportPipeline.BATCH; i++) {
                            pipeline.add(i);
                        }
                        assertTrue(started.await(5, TimeUnit.SECONDS));
                        executor.shutdownNow(); // as when the application stops
                        pipeline.add(-1);
                        pipeline.finish();
                    }
                }));
    }

    @Test
    void closingAnIdlePipelineEndsTheEncoder() throws InterruptedException {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            try (ExportPipeline<Integer> pipeline = new ExportPipeline<>(executor, row -> { })) {
                pipeline.add(1); // not yet handed over: the encoder waits for a batch
            }
        });
        assertEquals(0, awaitIdle());
    }

    /** The pool counts a thread busy until just after the task returned. */
    private int awaitIdle() throws InterruptedException {
        for (int i = 0; i < 200 && executor.getActiveCount() > 0; i++) {
            Thread.sleep(10);
        }
        return executor.getActiveCount();
    }
}
