package no.hallingdal.jobbmal.account;

import com.fasterxml.jackson.annotation.JsonValue;
import no.hallingdal.jobbmal.common.CodedEnum;

/**
 * The roles (docs/security.md): admin, lead and board are held in a programme (a {@link Membership}); county
 * comes with a user's county code. The codes are stable and used in {@code @RolesAllowed}.
 */
public enum Role implements CodedEnum {
    ADMIN(Role.ADMIN_CODE), LEAD(Role.LEAD_CODE), BOARD(Role.BOARD_CODE), COUNTY(Role.COUNTY_CODE);

    public static final String ADMIN_CODE = "admin";
    public static final String LEAD_CODE = "lead";
    public static final String BOARD_CODE = "board";
    public static final String COUNTY_CODE = "county";
    /** Not a role in a programme: the security role of a system administrator. */
    public static final String SYSTEM_ADMIN_CODE = "system-admin";

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
