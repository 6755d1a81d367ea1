package no.hallingdal.jobbmal.result;

import no.hallingdal.jobbmal.common.CodedEnum;

import java.util.Optional;

/**
 * The progress figure a result adds to, by kind and status: the one home of "approved new jobs count toward
 * the goal, pending new jobs are shown apart, approved secured jobs and new companies are reported
 * separately" (docs/rules.md, "What counts toward the goal"). Returned and withdrawn results add to no figure.
 */
public enum ResultFigure {
    /** Approved new jobs: the figure measured against the goal. */
    COUNTED,
    /** Pending new jobs: shown beside the goal, never inside it. */
    PENDING,
    /** Approved secured jobs. */
    SECURED_JOBS,
    /** Approved new companies. */
    NEW_COMPANIES;

    /** The figure a result of this kind and status adds its amount to, if any. */
    public static Optional<ResultFigure> of(ResultKind kind, ResultStatus status) {
        if (kind == null || status == null) {
            return Optional.empty();
        }
        boolean approved = status == ResultStatus.APPROVED;
        ResultFigure f = switch (kind) {
            case NEW_JOBS -> approved ? COUNTED : status == ResultStatus.PENDING ? PENDING : null;
            case SECURED_JOBS -> approved ? SECURED_JOBS : null;
            case NEW_COMPANY -> approved ? NEW_COMPANIES : null;
        };
        return Optional.ofNullable(f);
    }

    /** As {@link #of(ResultKind, ResultStatus)}, for the codes a native SQL row carries. */
    public static Optional<ResultFigure> of(String kindCode, String statusCode) {
        return of(CodedEnum.fromCode(ResultKind.class, kindCode).orElse(null),
                CodedEnum.fromCode(ResultStatus.class, statusCode).orElse(null));
    }
}
