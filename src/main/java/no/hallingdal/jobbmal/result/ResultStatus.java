package no.hallingdal.jobbmal.result;

import no.hallingdal.jobbmal.common.CodedEnum;

/** Status of a result: PENDING → APPROVED or RETURNED (→ corrected → PENDING); WITHDRAWN instead of deleting. */
public enum ResultStatus implements CodedEnum {
    PENDING, APPROVED, RETURNED, WITHDRAWN;

    @Override
    public String code() {
        return name();
    }

    public String key() {
        return "result.status." + name();
    }

    /** CSS class of the status tag; the status is always also written in words. */
    public String tagClass() {
        return switch (this) {
            case PENDING -> "tag-info";
            case APPROVED -> "tag-success";
            case RETURNED -> "tag-warning";
            case WITHDRAWN -> "tag-danger";
        };
    }
}
