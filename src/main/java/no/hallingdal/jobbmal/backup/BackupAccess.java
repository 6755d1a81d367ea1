package no.hallingdal.jobbmal.backup;

import no.hallingdal.jobbmal.account.Role;

/**
 * Who may take, list and download backups: the one place to change when "system administrator" replaces
 * the admin role (issue H). Backups hold password hashes and personal data (docs/security.md).
 */
public final class BackupAccess {

    /** The role in {@code @RolesAllowed} of {@link BackupResource} and {@link BackupApi}. */
    public static final String ROLE = Role.ADMIN_CODE;

    private BackupAccess() {
    }
}
