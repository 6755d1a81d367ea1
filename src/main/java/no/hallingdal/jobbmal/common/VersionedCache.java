package no.hallingdal.jobbmal.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Values computed from the database, kept while the {@link DataVersion} they were computed at is the
 * current one. A newer version empties the cache (every entry belongs to one version), so nothing is
 * ever served after the data changed, and memory is bounded by {@code maxEntries} per version. Concurrent
 * requests for the same missing key wait for one computation instead of all running it.
 *
 * @param <K> the key: everything the value depends on besides the data (filter, locale, date)
 * @param <V> an immutable value
 */
public final class VersionedCache<K, V> {

    private record Generation<K, V>(long version, ConcurrentHashMap<K, CompletableFuture<V>> entries) {
    }

    private final int maxEntries;
    private final AtomicReference<Generation<K, V>> generation =
            new AtomicReference<>(new Generation<>(Long.MIN_VALUE, new ConcurrentHashMap<>()));

    public VersionedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * The value for {@code key} at data version {@code version}, computed (by this thread) when missing.
     * A negative version ({@link DataVersion#UNCOMMITTED}) always computes and never caches.
     */
    public V get(long version, K key, Supplier<V> compute) {
        if (version < 0) {
            return compute.get();
        }
        Generation<K, V> g = generationFor(version);
        if (g == null || (g.entries().size() >= maxEntries && !g.entries().containsKey(key))) {
            return compute.get(); // a newer version is cached already, or this one is full
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = g.entries().putIfAbsent(key, mine);
        if (existing != null) {
            return join(existing, compute);
        }
        try {
            V value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            g.entries().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** How many values are cached (for tests and the benchmark). */
    public int size() {
        return generation.get().entries().size();
    }

    /** The generation of {@code version}, started if it is newer than the cached one; null if older. */
    private Generation<K, V> generationFor(long version) {
        while (true) {
            Generation<K, V> g = generation.get();
            if (g.version() == version) {
                return g;
            }
            if (g.version() > version) {
                return null;
            }
            Generation<K, V> next = new Generation<>(version, new ConcurrentHashMap<>());
            if (generation.compareAndSet(g, next)) {
                return next;
            }
        }
    }

    private V join(CompletableFuture<V> pending, Supplier<V> compute) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return compute.get();
        } catch (ExecutionException e) {
            // the computing request failed (its own error went to its caller): compute for this one
            return compute.get();
        }
    }
}
