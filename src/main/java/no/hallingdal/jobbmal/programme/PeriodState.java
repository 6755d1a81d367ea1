package no.hallingdal.jobbmal.programme;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a period stands against today (docs/rules.md, "Programmes and periods"). The codes are stable (API, CSV). */
public enum PeriodState {
    NOT_STARTED("not-started"), RUNNING("running"), ENDED("ended");

    public final String code;

    PeriodState(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
