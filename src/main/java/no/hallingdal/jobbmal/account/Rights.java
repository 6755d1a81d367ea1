package no.hallingdal.jobbmal.account;

import java.util.Optional;

/**
 * What a user may do, as the rules of programme access read it (programme.ProgrammeAccess): their roles in
 * programmes, their county and whether they are a system administrator. A {@link User} has rights; so has the
 * identity of a request, which carries them from the login without a query.
 */
public interface Rights {

    /** The role of the user's membership in the programme, if any. */
    Optional<Role> membershipRole(long programmeId);

    /** The programmes the user is a member of. */
    java.util.Set<Long> memberOf();

    /** The county (fylkesnummer) the user may read, or null. */
    String countyCode();

    boolean systemAdmin();
}
