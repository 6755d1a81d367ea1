package no.hallingdal.jobbmal.result;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.municipality.ReferenceData;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.project.ProjectService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What the result pages show besides the results: the choices of the forms and filters, in the page's language. */
@RequestScoped
public class ResultPages {

    @Inject
    ReferenceData referenceData;

    @Inject
    ProjectService projects;


    @Inject
    YearLocks yearLocks;

    @Inject
    ResultPolicy policy;

    @Inject
    ResultService service;

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    /** A choice in a select list. */
    public record Option(String value, String label) {
    }

    /** What the result form needs besides the typed fields. */
    public record FormContext(String base, Long resultId, String projectName, List<Option> municipalities,
            List<Option> focusAreas, List<Option> kinds, String lockedYears, boolean showReason,
            String reasonHint, ResultView result) {
        public boolean editing() {
            return resultId != null;
        }

        public String action() {
            return base + (resultId == null ? "/results" : "/results/" + resultId);
        }
    }

    /** What the list's filter form needs. */
    public record ListContext(Programme programme, ResultFilter filter, List<Option> projects,
            List<Option> municipalities, List<Option> focusAreas, List<Option> kinds, List<Option> statuses,
            List<Integer> years, Set<Integer> lockedYears, boolean canRegister) {
        public String link(String sort, int page) {
            return ProgrammeScope.base(programme) + "/results" + filter.query(sort, page);
        }

        /** The sort link of a column: ascending first, or toggled when already sorted by it. */
        public String sortLink(String column) {
            String current = filter.sortOrDefault();
            String next = current.equals(column + "-desc") ? column + "-asc" : column + "-desc";
            return link(next, 1);
        }

        public String ariaSort(String column) {
            String current = filter.sortOrDefault();
            if (current.equals(column + "-desc")) {
                return "descending";
            }
            return current.equals(column + "-asc") ? "ascending" : "none";
        }

        public boolean selected(String field, Object value) {
            Object v = switch (field) {
                case "project" -> filter.project();
                case "municipality" -> filter.municipality();
                case "focusArea" -> filter.focusArea();
                case "kind" -> filter.kind();
                case "status" -> filter.status();
                case "year" -> filter.year();
                case "period" -> filter.period();
                default -> null;
            };
            return v != null && value != null && v.toString().equals(value.toString());
        }
    }

    /** What the result page needs. */
    public record ShowContext(ResultView result, List<ResultHistory.HistoryEntry> history, boolean canEdit,
            boolean canWithdraw, boolean canApprove) {
    }

    ListContext list(Programme programme, ResultFilter filter) {
        return new ListContext(programme, filter, projectOptions(projects.all(programme)),
                municipalityOptions(List.copyOf(programme.municipalities)), focusAreaOptions(programme), kindOptions(),
                statusOptions(), programme.years(), yearLocks.lockedYears(programme.id), policy.mayRegister(programme));
    }

    ShowContext show(Programme programme, ResultView r) {
        boolean mayChange = policy.mayChange(r);
        return new ShowContext(r, service.history(r.id()), mayChange, mayChange,
                policy.mayApprove(programme) && r.isPending());
    }

    /** The form's choices for a result of project {@code p}; {@code existing} is null when registering. */
    FormContext form(ResultForm form, ResultView existing, Project p, boolean admin) {
        Set<Integer> locked = yearLocks.lockedYears(p.programme.id);
        boolean showReason = admin && (!locked.isEmpty() || existing != null && existing.isApproved())
                || form.reason != null && !form.reason.isBlank();
        String reasonHint = messages.get(locale.get(), existing != null && existing.isApproved()
                ? "result.form.reason.approvedHint" : "result.form.reason.lockedHint");
        String lockedText = yearLocks.lockedText(p.programme.id);
        return new FormContext(ProgrammeScope.base(p.programme), existing == null ? null : existing.id(), p.name,
                municipalityOptions(new ArrayList<>(p.municipalities)), focusAreaOptions(p.programme), kindOptions(),
                lockedText == null ? "" : lockedText, showReason, reasonHint, existing);
    }

    static List<Option> projectOptions(List<Project> list) {
        return list.stream().map(x -> new Option(String.valueOf(x.id), x.name)).toList();
    }

    private static List<Option> municipalityOptions(List<Municipality> list) {
        return list.stream().map(m -> new Option(m.code, m.name)).toList();
    }

    private List<Option> focusAreaOptions(Programme programme) {
        return referenceData.focusAreas(programme.id).stream().map(f -> new Option(f.code, f.name(locale.get()))).toList();
    }

    private List<Option> kindOptions() {
        return Arrays.stream(ResultKind.values())
                .map(k -> new Option(k.name(), messages.get(locale.get(), k.key()))).toList();
    }

    private List<Option> statusOptions() {
        return Arrays.stream(ResultStatus.values())
                .map(k -> new Option(k.name(), messages.get(locale.get(), k.key()))).toList();
    }
}
