package no.hallingdal.jobbmal.result;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.CurrentUser;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.FieldError;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.project.Project;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The result pages: list, register (two steps without JavaScript), show, edit and status changes. */
@Path("/results")
@Produces(MediaType.TEXT_HTML)
public class ResultResource {

    /** A choice in a select list. */
    public record Option(String value, String label) {
    }

    /** What the result form needs besides the typed fields. */
    public record FormContext(Long resultId, String projectName, List<Option> municipalities,
            List<Option> focusAreas, List<Option> kinds, String lockedYears, boolean showReason,
            String reasonHint, ResultView result) {
        public boolean editing() {
            return resultId != null;
        }

        public String action() {
            return resultId == null ? "/results" : "/results/" + resultId;
        }
    }

    /** What the list's filter form needs. */
    public record ListContext(ResultFilter filter, List<Option> projects, List<Option> municipalities,
            List<Option> focusAreas, List<Option> kinds, List<Option> statuses, List<Integer> years,
            Set<Integer> lockedYears, boolean canRegister) {
        public String link(String sort, int page) {
            return "/results" + filter.query(sort, page);
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
                default -> null;
            };
            return v != null && value != null && v.toString().equals(value.toString());
        }
    }

    /** What the result page needs. */
    public record ShowContext(ResultView result, List<ResultService.HistoryEntry> history, boolean canEdit,
            boolean canWithdraw, boolean canApprove) {
    }

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance list(Page page, ResultService.SearchResult results, ListContext ctx);

        static native TemplateInstance choose(Page page, List<Option> projects, String selected);

        static native TemplateInstance form(Page page, ResultForm form, FormContext ctx);

        static native TemplateInstance show(Page page, ShowContext ctx);

        static native TemplateInstance project(Page page, String projectName, ResultService.ProjectResults summary,
                boolean canRegister);
    }

    @Inject
    ResultService service;

    @Inject
    Pages pages;

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance list(@QueryParam("project") String project, @QueryParam("municipality") String municipality,
            @QueryParam("focusArea") String focusArea, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("year") String year, @QueryParam("sort") String sort,
            @QueryParam("page") String page) {
        Errors ignored = new Errors();
        Long projectId = Inputs.integer(project, "project", ignored);
        Long y = Inputs.integer(year, "year", ignored);
        Long p = Inputs.integer(page, "page", ignored);
        ResultFilter filter = new ResultFilter(projectId, Inputs.text(municipality), Inputs.text(focusArea),
                Inputs.text(kind), Inputs.text(status), y == null || y < 1900 || y > 9999 ? null : y.intValue(),
                sort != null && ResultFilter.SORTS.contains(sort) ? sort : null,
                p == null || p < 1 || p > 100_000 ? 1 : p.intValue(), ResultFilter.PAGE_SIZE);
        var results = service.search(filter);
        List<Option> projects = Project.<Project>list("order by name").stream()
                .map(x -> new Option(String.valueOf(x.id), x.name)).toList();
        ListContext ctx = new ListContext(filter, projects, municipalityOptions(Municipality.listOrdered()),
                focusAreaOptions(), kindOptions(), statusOptions(), programmeYears(), service.lockedYears(),
                service.canRegister());
        return Templates.list(pages.page("results", "result.list.title"), results, ctx);
    }

    /**
     * A project's results with approved vs pending new jobs against its expected new jobs: the same
     * {@code tags/projectResults} the project page includes.
     */
    @GET
    @Path("/projects/{projectId}")
    public TemplateInstance projectResults(@PathParam("projectId") long projectId) {
        ResultService.ProjectResults summary = service.projectResults(projectId);
        Project p = Project.findById(projectId);
        boolean canRegister = currentUser.isAdmin() || currentUser.isLead() && p.isLedBy(currentUser.id());
        return Templates.project(pages.page("results", "result.project.pageTitle", p.name), p.name, summary,
                canRegister);
    }

    @GET
    @Path("/new")
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    public TemplateInstance newForm(@QueryParam("project") String project) {
        List<Project> projects = service.registrableProjects();
        Long projectId = Inputs.integer(project, "project", new Errors());
        if (projectId == null && projects.size() == 1) {
            projectId = projects.get(0).id;
        }
        final Long chosen = projectId;
        Project p = chosen == null ? null : projects.stream().filter(x -> x.id.equals(chosen)).findFirst().orElse(null);
        if (p == null && chosen != null && Project.findById(chosen) != null) {
            // a project the user may not register for (a lead putting another lead's project in the URL)
            throw new no.hallingdal.jobbmal.common.ForbiddenException();
        }
        if (p == null) {
            List<Option> options = projects.stream().map(x -> new Option(String.valueOf(x.id), x.name)).toList();
            return Templates.choose(pages.page("results", "result.new.title"), options, project);
        }
        ResultForm form = new ResultForm();
        form.projectId = String.valueOf(p.id);
        form.focusArea = p.focusArea.code;
        if (p.municipalities.size() == 1) {
            form.municipality = p.municipalities.iterator().next().code;
        }
        return formPage(form, null, p, null, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    public Response create(MultivaluedMap<String, String> fields) {
        ResultForm form = ResultForm.of(fields);
        Errors errors = new Errors();
        ResultInput input = form.toInput(errors);
        try {
            errors.throwIfAny();
            ResultService.Saved saved = service.create(input);
            return redirectAfterSave(saved);
        } catch (ValidationException e) {
            return rerender(form, null, e, null, 400);
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return showPage(id, null);
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    public TemplateInstance editForm(@PathParam("id") long id) {
        ResultView r = service.get(id);
        if (!service.canEdit(r)) {
            throw new no.hallingdal.jobbmal.common.ForbiddenException();
        }
        Project p = Project.findById(r.projectId());
        return formPage(ResultForm.of(r, locale.get()), r, p, null, List.of());
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        ResultForm form = ResultForm.of(fields);
        Errors errors = new Errors();
        ResultInput input = form.toInput(errors);
        try {
            errors.throwIfAny();
            ResultService.Saved saved = service.update(id, input);
            return redirectAfterSave(saved);
        } catch (ValidationException e) {
            return rerender(form, service.get(id), e, null, 400);
        } catch (ConflictException e) {
            return rerender(form, service.get(id), null, e, 409);
        }
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_CODE)
    public Response approve(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return statusChange(id, fields, "approve");
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_CODE)
    public Response returnResult(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return statusChange(id, fields, "return");
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    public Response withdraw(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return statusChange(id, fields, "withdraw");
    }

    @Inject
    ApprovalResource approvals;

    private Response statusChange(long id, MultivaluedMap<String, String> fields, String action) {
        String reason = fields.getFirst("reason");
        boolean fromApprovals = "approvals".equals(fields.getFirst("back"));
        try {
            // the version the page showed: a change made since then answers 409 instead of being acted on
            Errors errors = new Errors();
            Long version = Inputs.integer(fields.getFirst("version"), "version", errors);
            errors.throwIfAny();
            switch (action) {
                case "approve" -> service.approve(id, reason, version);
                case "return" -> service.returnResult(id, reason, version);
                default -> service.withdraw(id, reason, version);
            }
        } catch (ValidationException | ConflictException e) {
            int status = e instanceof ConflictException ? 409 : 400;
            String message = e instanceof ConflictException c
                    ? messages.get(locale.get(), c.messageKey(), c.args())
                    : ((ValidationException) e).errors().stream()
                            .map(f -> messages.get(locale.get(), f.messageKey(), f.args()))
                            .collect(Collectors.joining(" "));
            TemplateInstance page = fromApprovals ? approvals.page(message) : showPage(id, message);
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page.render()).build();
        }
        String target = fromApprovals ? "/admin/approvals" : "/results/" + id;
        return Response.seeOther(URI.create(target)).cookie(Flash.cookie("result.flash." + action, String.valueOf(id)))
                .build();
    }

    private TemplateInstance showPage(long id, String error) {
        ResultView r = service.get(id);
        ShowContext ctx = new ShowContext(r, service.history(id), service.canEdit(r), service.canWithdraw(r),
                currentUser.isAdmin() && r.isPending());
        Page page = pages.page("results", "result.show.title", id);
        if (error != null) {
            page.withError(error);
        }
        return Templates.show(page, ctx);
    }

    private Response redirectAfterSave(ResultService.Saved saved) {
        var cookie = saved.doubleCountProjects().isEmpty()
                ? Flash.cookie("result.flash.saved", String.valueOf(saved.result().id()))
                : Flash.cookie("result.flash.savedDoubleCount", String.join(", ", saved.doubleCountProjects()));
        return Response.seeOther(URI.create("/results/" + saved.result().id())).cookie(cookie).build();
    }

    private Response rerender(ResultForm form, ResultView existing, ValidationException v, ConflictException c,
            int status) {
        Project p = null;
        Long pid = Inputs.integer(form.projectId, "projectId", new Errors());
        if (pid != null) {
            p = Project.findById(pid);
        }
        if (p == null && existing != null) {
            p = Project.findById(existing.projectId());
        }
        if (p == null) {
            List<Option> options = service.registrableProjects().stream()
                    .map(x -> new Option(String.valueOf(x.id), x.name)).toList();
            Page page = pages.page("results", "result.new.title");
            if (v != null) {
                page.withErrors(v.errors());
            }
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.choose(page, options, form.projectId).render()).build();
        }
        String error = c == null ? null : messages.get(locale.get(), c.messageKey(), c.args());
        TemplateInstance t = formPage(form, existing, p, error, v == null ? List.of() : v.errors());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }

    private TemplateInstance formPage(ResultForm form, ResultView existing, Project p, String error,
            List<FieldError> errors) {
        Page page = existing == null ? pages.page("results", "result.new.title")
                : pages.page("results", "result.edit.title", existing.id());
        page.withErrors(errors);
        if (error != null) {
            page.withError(error);
        }
        Set<Integer> locked = service.lockedYears();
        boolean admin = page.isAdmin();
        boolean showReason = admin && (!locked.isEmpty() || existing != null && existing.isApproved())
                || form.reason != null && !form.reason.isBlank();
        String reasonHint = existing != null && existing.isApproved()
                ? messages.get(locale.get(), "result.form.reason.approvedHint")
                : messages.get(locale.get(), "result.form.reason.lockedHint");
        String lockedText = locked.stream().map(String::valueOf).collect(Collectors.joining(", "));
        FormContext ctx = new FormContext(existing == null ? null : existing.id(), p.name,
                municipalityOptions(new ArrayList<>(p.municipalities)), focusAreaOptions(), kindOptions(),
                lockedText, showReason, reasonHint, existing);
        return Templates.form(page, form, ctx);
    }

    private static List<Option> municipalityOptions(List<Municipality> list) {
        return list.stream().map(m -> new Option(m.code, m.name)).toList();
    }

    private List<Option> focusAreaOptions() {
        return FocusArea.listOrdered().stream().map(f -> new Option(f.code, f.name(locale.get()))).toList();
    }

    private List<Option> kindOptions() {
        return Arrays.stream(ResultKind.values())
                .map(k -> new Option(k.name(), messages.get(locale.get(), k.key()))).toList();
    }

    private List<Option> statusOptions() {
        return Arrays.stream(ResultStatus.values())
                .map(k -> new Option(k.name(), messages.get(locale.get(), k.key()))).toList();
    }

    private static List<Integer> programmeYears() {
        Programme p = Programme.get();
        List<Integer> years = new ArrayList<>();
        if (p != null) {
            for (int y = p.startDate.getYear(); y <= p.endDate.getYear(); y++) {
                years.add(y);
            }
        }
        return years;
    }
}
