package no.hallingdal.jobbmal.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The version of the data that cached figures are derived from: the single row of {@code data_version}
 * (migration V5). Every transaction that writes results, projects or the programme calls {@link #bump()}
 * before it commits, so the new number becomes visible to every instance at the same moment as the data
 * it stands for. A reader takes {@link #current()} (one primary-key read) <em>before</em> it reads the
 * data, and uses a cached value only while its version is still the current one ({@link VersionedCache}).
 * Under read committed (H2 and PostgreSQL) what it then reads is at least as new as that version, so a
 * cache never serves figures older than the database, on this instance or any other.
 */
@ApplicationScoped
public class DataVersion {

    /** What {@link #current()} returns inside a transaction that has written: never cache then. */
    public static final long UNCOMMITTED = -1;

    private static final String BUMPED = DataVersion.class.getName() + ".bumped";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry registry;

    /**
     * The committed data version, or {@link #UNCOMMITTED} when the current transaction has written data
     * (what it would read may still be rolled back, so it must not be cached).
     */
    public long current() {
        if (bumpedInThisTransaction()) {
            return UNCOMMITTED;
        }
        Object v = em.createNativeQuery("SELECT version_number FROM data_version WHERE id = 1").getSingleResult();
        return ((Number) v).longValue();
    }

    /**
     * Marks the data as changed by the current transaction: adds one to the version (once per transaction).
     * Call it after the writes; the row stays locked until the transaction ends, which orders writers but
     * never blocks readers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        if (bumpedInThisTransaction()) {
            return;
        }
        em.createNativeQuery("UPDATE data_version SET version_number = version_number + 1 WHERE id = 1")
                .executeUpdate();
        registry.putResource(BUMPED, Boolean.TRUE);
    }

    private boolean bumpedInThisTransaction() {
        return registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION && registry.getResource(BUMPED) != null;
    }
}
