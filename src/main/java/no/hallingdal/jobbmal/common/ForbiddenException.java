package no.hallingdal.jobbmal.common;

/** The user may not do this: 403, whatever id they put in the URL or body. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException() {
        super("forbidden", null, false, false);
    }
}
