package no.hallingdal.jobbmal.backup;

import no.hallingdal.jobbmal.account.Role;

/**
 * Who may take, list and download backups: system administrators, as a backup holds every programme's data,
 * password hashes and personal data (docs/security.md).
 */
public final class BackupAccess {

    /** The role in {@code @RolesAllowed} of {@link BackupResource} and {@link BackupApi}. */
    public static final String ROLE = Role.SYSTEM_ADMIN_CODE;

    private BackupAccess() {
    }
}
