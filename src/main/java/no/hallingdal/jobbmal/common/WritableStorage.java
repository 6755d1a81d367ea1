package no.hallingdal.jobbmal.common;

/**
 * Whether the database's storage can take a write now (implemented by backup.StorageGuard). Code that writes
 * outside a request that the write guard checks (the login's attempt log) asks it first.
 */
public interface WritableStorage {

    boolean writable();
}
