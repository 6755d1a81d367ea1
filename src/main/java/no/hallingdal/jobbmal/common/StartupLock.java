package no.hallingdal.jobbmal.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes a first-start step (the first administrator, the demo data) run once when several instances
 * start together against one database: {@link #acquire()} locks the {@code startup-lock} row of
 * {@code app_setting} (V4) until the caller's transaction ends. A second instance blocks there until
 * the first has committed, then sees the first one's rows and skips. Plain {@code SELECT ... FOR UPDATE},
 * the same on H2 and PostgreSQL.
 */
@ApplicationScoped
public class StartupLock {

    @Inject
    EntityManager em;

    /** Waits for and holds the lock until the current transaction commits or rolls back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        int rows = em.createNativeQuery("SELECT setting_key FROM app_setting WHERE setting_key = 'startup-lock' FOR UPDATE")
                .getResultList().size();
        if (rows != 1) {
            throw new IllegalStateException("The startup-lock row of app_setting is missing (migration V4)");
        }
    }
}
