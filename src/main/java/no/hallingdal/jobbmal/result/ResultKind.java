package no.hallingdal.jobbmal.result;

import no.hallingdal.jobbmal.common.CodedEnum;

/** What a result registers (docs/rules.md): new jobs, secured jobs or a new company. The code is the name. */
public enum ResultKind implements CodedEnum {
    NEW_JOBS, SECURED_JOBS, NEW_COMPANY;

    @Override
    public String code() {
        return name();
    }

    /** The message key of the kind in words. */
    public String key() {
        return "result.kind." + name();
    }
}
