package no.hallingdal.jobbmal.result;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.CodedEnum;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.project.Project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The input rules of a result (docs/rules.md, "Input limits") and their limits: the one home used by
 * the form, the API and the import. Templates read the limits as {@code {ResultValidation:REASON_MAX}}.
 */
@ApplicationScoped
@TemplateData(namespace = TemplateData.SIMPLENAME)
public class ResultValidation {

    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("500");
    public static final int EVIDENCE_MAX = 4000;
    public static final int COMPANY_NAME_MAX = 200;
    public static final int REASON_MAX = 2000;

    @Inject
    Clock clock;

    /** What {@link #validate} resolved from the input. */
    record Resolved(Project project, Municipality municipality, FocusArea focusArea, ResultKind kind,
            String orgNumber) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Checks every field of {@code in} and adds what is wrong to {@code errors}; 403 when the project is one
     * {@code user} may not register for.
     */
    Resolved validate(ResultInput in, User user, Errors errors) {
        Project project = project(in.projectId(), user, errors);
        Municipality municipality = municipality(in.municipality(), project, errors);
        FocusArea focusArea = focusArea(in.focusArea(), project, errors);
        checkDate(in.date(), project, errors);
        ResultKind kind = kind(in.kind(), errors);
        checkAmounts(in, kind, errors);
        String company = Inputs.text(in.companyName());
        if (company != null && company.length() > COMPANY_NAME_MAX) {
            errors.add("companyName", "error.toolong", COMPANY_NAME_MAX);
        }
        String orgNumber = orgNumber(in.orgNumber(), kind, errors);
        String evidence = Inputs.text(in.evidence());
        if (evidence == null) {
            errors.add("evidence", "result.error.evidence.required");
        } else if (evidence.length() > EVIDENCE_MAX) {
            errors.add("evidence", "result.error.evidence.toolong", EVIDENCE_MAX, evidence.length());
        }
        checkReasonLength(Inputs.text(in.reason()), errors);
        return new Resolved(project, municipality, focusArea, kind, orgNumber);
    }

    private static Project project(Long id, User user, Errors errors) {
        if (id == null) {
            errors.add("projectId", "result.error.project.required");
            return null;
        }
        Project project = Project.findById(id);
        if (project == null) {
            errors.add("projectId", "result.error.project.unknown", id);
        } else {
            ResultPolicy.requireRegistrarFor(user, project);
        }
        return project;
    }

    private static Municipality municipality(String raw, Project project, Errors errors) {
        String code = Inputs.text(raw);
        if (code == null) {
            errors.add("municipality", "error.required");
            return null;
        }
        Municipality m = Municipality.findByAnyCode(code).orElse(null);
        if (m == null) {
            errors.add("municipality", "error.unknown.municipality", code);
        } else if (project != null && project.municipalities.stream().noneMatch(x -> x.code.equals(m.code))) {
            errors.add("municipality", "result.error.municipality.notInProject", m.name, project.name);
        }
        return m;
    }

    /** The project's programme's focus area; defaults to the project's. */
    private static FocusArea focusArea(String raw, Project project, Errors errors) {
        String code = Inputs.text(raw);
        if (code == null || project == null || code.equals(project.focusArea.code)) {
            return project == null ? null : project.focusArea;
        }
        FocusArea f = FocusArea.findByCode(project.programme.id, code).orElse(null);
        if (f == null) {
            errors.add("focusArea", "error.unknown.focusarea", code);
        }
        return f;
    }

    /** Not in the future, not before the programme's first period (docs/rules.md, "Programmes and periods"). */
    private void checkDate(LocalDate date, Project project, Errors errors) {
        if (date == null) {
            errors.add("date", "error.required");
        } else if (date.isAfter(today())) {
            errors.add("date", "result.error.date.future");
        } else if (date.isBefore(EARLIEST_DATE)) {
            errors.add("date", "result.error.date.early");
        } else if (project != null && !project.programme.periods.isEmpty()
                && date.isBefore(project.programme.first())) {
            errors.add("date", "result.error.date.beforeProgramme", project.programme.first());
        }
    }

    private static ResultKind kind(String raw, Errors errors) {
        String code = Inputs.text(raw);
        if (code == null) {
            errors.add("kind", "error.required");
            return null;
        }
        ResultKind kind = CodedEnum.fromCode(ResultKind.class, code).orElse(null);
        if (kind == null) {
            errors.add("kind", "result.error.kind");
        }
        return kind;
    }

    /** The amount (> 0, one decimal, at most 500, whole for a company) and its optional women/men split. */
    private static void checkAmounts(ResultInput in, ResultKind kind, Errors errors) {
        BigDecimal amount = in.amount();
        boolean amountOk = false;
        if (amount == null) {
            if (!errors.has("amount")) {
                errors.add("amount", "error.required");
            }
        } else if (amount.signum() <= 0) {
            errors.add("amount", "result.error.amount.positive");
        } else if (amount.stripTrailingZeros().scale() > 1) {
            errors.add("amount", "result.error.amount.decimals");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add("amount", "result.error.amount.max", MAX_AMOUNT.intValue());
        } else if (kind == ResultKind.NEW_COMPANY && amount.stripTrailingZeros().scale() > 0) {
            errors.add("amount", "result.error.amount.whole");
        } else {
            amountOk = true;
        }
        boolean splitOk = checkSplit("women", in.women(), errors) & checkSplit("men", in.men(), errors);
        if (splitOk && amountOk && (in.women() != null || in.men() != null)) {
            BigDecimal w = in.women() == null ? BigDecimal.ZERO : in.women();
            BigDecimal m = in.men() == null ? BigDecimal.ZERO : in.men();
            if (w.add(m).compareTo(amount) != 0) {
                errors.add("women", "result.error.split", amount.stripTrailingZeros().toPlainString());
            }
        }
    }

    private static boolean checkSplit(String field, BigDecimal value, Errors errors) {
        if (value == null) {
            return !errors.has(field);
        }
        if (value.signum() < 0) {
            errors.add(field, "error.negative");
            return false;
        }
        if (value.stripTrailingZeros().scale() > 1) {
            errors.add(field, "result.error.amount.decimals");
            return false;
        }
        return true;
    }

    /** The org. number: required for a new company, else optional; checked and normalised when given. */
    private static String orgNumber(String raw, ResultKind kind, Errors errors) {
        String org = Inputs.text(raw);
        if (org == null) {
            if (kind == ResultKind.NEW_COMPANY) {
                errors.add("orgNumber", "result.error.orgNumber.required");
            }
            return null;
        }
        OrgNumber.Problem problem = OrgNumber.problem(org);
        if (problem != null) {
            errors.add("orgNumber", problem.messageKey);
            return null;
        }
        return OrgNumber.normalise(org);
    }

    /** A reason the action needs: required, at most {@link #REASON_MAX} characters. */
    static String requireReason(String text) {
        String reason = Inputs.text(text);
        Errors errors = new Errors();
        if (reason == null) {
            errors.add("reason", "result.error.reason.required");
        }
        checkReasonLength(reason, errors);
        errors.throwIfAny();
        return reason;
    }

    static void checkReasonLength(String reason, Errors errors) {
        if (reason != null && reason.length() > REASON_MAX) {
            errors.add("reason", "error.toolong", REASON_MAX);
        }
    }
}
