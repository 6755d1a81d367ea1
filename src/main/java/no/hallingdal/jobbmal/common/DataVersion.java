package no.hallingdal.jobbmal.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The version of the data that cached figures are derived from: the sum of {@code data_version}'s
 * slots (migration V5). Every transaction that writes results, projects or the programme calls
 * {@link #bump()} before it commits, so the new sum becomes visible to every instance at the same moment
 * as the data it stands for. Each bump adds one to a random slot: a writer holds that row's lock until it
 * commits, and with a single row all writers would queue behind each other (a thread dump of 16 parallel
 * registrations showed 27 of 32 request threads waiting for it). A reader takes {@link #current()} (one
 * small read, shared by requests that ask at the same moment: {@link CoalescedRead}) <em>before</em> it
 * reads the data, and uses a cached value only while its version is still the current one
 * ({@link VersionedCache}).
 * Under read committed (H2 and PostgreSQL) what it then reads is at least as new as that version, so a
 * cache never serves figures older than the database, on this instance or any other. Within one HTTP
 * request the version is read once, so a page is built from one version throughout.
 */
@ApplicationScoped
public class DataVersion {

    /** What {@link #current()} returns inside a transaction that has written: never cache then. */
    public static final long UNCOMMITTED = -1;

    /** Rows of {@code data_version} (V5). */
    static final int SLOTS = 32;

    private static final String BUMPED = DataVersion.class.getName() + ".bumped";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Instance<RequestMemo> memo;

    @Inject
    JobbmalConfig config;

    /**
     * The version as first read in the current HTTP request: one read per request, one view of the data.
     * Only through its methods: {@code memo.get()} is a client proxy shared by all requests, and a field
     * read or written on it would be the proxy's own (one value for the whole application, which once
     * made a second instance serve stale figures).
     */
    @RequestScoped
    public static class RequestMemo {
        private long version = UNREAD;

        long version() {
            return version;
        }

        void version(long v) {
            version = v;
        }
    }

    private static final long UNREAD = Long.MIN_VALUE;

    /**
     * The committed data version, or {@link #UNCOMMITTED} when the current transaction has written data
     * (what it would read may still be rolled back, so it must not be cached) or caching is off
     * ({@code jobbmal.cache=false}).
     */
    public long current() {
        if (!config.cache() || bumpedInThisTransaction()) {
            return UNCOMMITTED;
        }
        // Memoised only while serving an HTTP request (a Vert.x context); elsewhere (start-up, tests) a
        // request context may live much longer than one view of the data.
        if (io.vertx.core.Vertx.currentContext() == null || !Arc.container().requestContext().isActive()) {
            return read();
        }
        RequestMemo m = memo.get();
        if (m.version() == UNREAD) {
            m.version(read());
        }
        return m.version();
    }

    private long read() {
        return reads.get();
    }

    /**
     * Requests that need the version at the same time share one query (see {@link CoalescedRead}); each
     * still gets a value read after it asked. Plain JDBC: the query is too small for an ORM session.
     */
    private final CoalescedRead reads = new CoalescedRead(this::query);

    private long query() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SUM(version_number) FROM data_version")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the data version failed", e);
        }
    }

    /**
     * Marks the data as changed by the current transaction: adds one to the version (once per transaction).
     * Call it after the writes, as late as possible: the slot's row stays locked until the transaction
     * ends (a writer that picks the same slot waits that long; readers never wait).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        if (bumpedInThisTransaction()) {
            return;
        }
        em.createNativeQuery("UPDATE data_version SET version_number = version_number + 1 WHERE slot = ?1")
                .setParameter(1, ThreadLocalRandom.current().nextInt(SLOTS))
                .executeUpdate();
        registry.putResource(BUMPED, Boolean.TRUE);
        if (Arc.container().requestContext().isActive()) {
            memo.get().version(UNREAD); // what this request reads after its commit is newer
        }
    }

    private boolean bumpedInThisTransaction() {
        return registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION && registry.getResource(BUMPED) != null;
    }
}
