package no.hallingdal.jobbmal.common;

/**
 * Whether the database's storage can take a write now (implemented by backup.StorageGuard). Code that writes
 * outside a request that the write guard checks (the login's attempt log) asks it first.
 */
public interface WritableStorage {

    boolean writable();

    /**
     * A database operation failed on its storage ({@link StorageFailures}): for H2, which closes its database
     * then, every change is refused from now on with a reason that says to restart (see StorageGuard).
     */
    void failed();
}
