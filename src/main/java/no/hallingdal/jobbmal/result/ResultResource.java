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
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.FieldError;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.ForbiddenException;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import no.hallingdal.jobbmal.project.Project;
import no.hallingdal.jobbmal.project.ProjectService;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The result pages: list, register (two steps without JavaScript), show, edit and status changes. */
@Path("/results")
@Produces(MediaType.TEXT_HTML)
@InProgramme
public class ResultResource {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance list(Page page, ResultSearch.SearchResult results, ResultPages.ListContext ctx);

        static native TemplateInstance choose(Page page, List<ResultPages.Option> projects, String selected);

        static native TemplateInstance form(Page page, ResultForm form, ResultPages.FormContext ctx);

        static native TemplateInstance show(Page page, ResultPages.ShowContext ctx);

        static native TemplateInstance project(Page page, String projectName, ResultSearch.ProjectResults summary,
                boolean canRegister);
    }

    @Inject
    ResultService service;

    @Inject
    ResultSearch search;

    @Inject
    ResultPolicy policy;

    @Inject
    ResultPages resultPages;

    @Inject
    ApprovalPage approvals;

    @Inject
    ProjectService projects;

    @Inject
    ProgrammeScope scope;

    @Inject
    Pages pages;

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    /** A status change of a result, as the service takes it: the reason and the version the page showed. */
    @FunctionalInterface
    private interface StatusChange {
        void apply(String reason, Long version);
    }

    @GET
    public TemplateInstance list(@QueryParam("project") String project, @QueryParam("municipality") String municipality,
            @QueryParam("focusArea") String focusArea, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("year") String year, @QueryParam("period") String period,
            @QueryParam("sort") String sort, @QueryParam("page") String page) {
        // the page shows the list without a filter it cannot read (the API answers 400)
        ResultFilter filter = ResultFilter.parse(project, municipality, focusArea, kind, status, year, period, sort,
                page, null, new Errors());
        Programme programme = scope.programme();
        return Templates.list(pages.page("results", "result.list.title"), search.search(programme, filter),
                resultPages.list(programme, filter));
    }

    /**
     * A project's results with approved vs pending new jobs against its expected new jobs: the same
     * {@code tags/projectResults} the project page includes.
     */
    @GET
    @Path("/projects/{projectId}")
    public TemplateInstance projectResults(@PathParam("projectId") long projectId) {
        ResultSearch.ProjectResults summary = search.projectResults(projectId);
        Project p = projects.get(projectId);
        scope.requireSame(p.programme);
        return Templates.project(pages.page("results", "result.project.pageTitle", p.name), p.name, summary,
                policy.mayRegisterFor(p));
    }

    @GET
    @Path("/new")
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    public TemplateInstance newForm(@QueryParam("project") String project) {
        List<Project> registrable = policy.registrableProjects(scope.programme());
        Long projectId = Inputs.integer(project, "project", new Errors());
        if (projectId == null && registrable.size() == 1) {
            projectId = registrable.get(0).id;
        }
        Project p = chosen(projectId, registrable).orElse(null);
        if (p == null) {
            return Templates.choose(pages.page("results", "result.new.title"), ResultPages.projectOptions(registrable),
                    project);
        }
        ResultForm form = new ResultForm();
        form.projectId = String.valueOf(p.id);
        form.focusArea = p.focusArea.code;
        if (p.municipalities.size() == 1) {
            form.municipality = p.municipalities.iterator().next().code;
        }
        return formPage(form, null, p, null, List.of());
    }

    /** The chosen project among those the user may register for; 403 for another existing project. */
    private Optional<Project> chosen(Long projectId, List<Project> registrable) {
        if (projectId == null) {
            return Optional.empty();
        }
        Optional<Project> p = registrable.stream().filter(x -> x.id.equals(projectId)).findFirst();
        if (p.isEmpty() && projects.find(projectId).isPresent()) {
            throw new ForbiddenException();
        }
        return p;
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
            return redirectAfterSave(service.create(input));
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
        ResultView r = search.get(id);
        Project p = projects.get(r.projectId());
        scope.requireSame(p.programme);
        if (!policy.mayChange(r)) {
            throw new ForbiddenException();
        }
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
            return redirectAfterSave(service.update(id, input));
        } catch (ValidationException e) {
            return rerender(form, search.get(id), e, null, 400);
        } catch (ConflictException e) {
            return rerender(form, search.get(id), null, e, 409);
        }
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_CODE)
    public Response approve(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return statusChange(id, fields, "approve", (reason, version) -> service.approve(id, reason, version));
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_CODE)
    public Response returnResult(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return statusChange(id, fields, "return", (reason, version) -> service.returnResult(id, reason, version));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    public Response withdraw(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return statusChange(id, fields, "withdraw", (reason, version) -> service.withdraw(id, reason, version));
    }

    /**
     * Applies a status change posted from the result page or, with {@code back=approvals}, from the approval
     * queue; a refusal shows that page again with the message.
     */
    private Response statusChange(long id, MultivaluedMap<String, String> fields, String action, StatusChange change) {
        boolean fromApprovals = "approvals".equals(fields.getFirst("back"));
        Project project = projects.get(search.get(id).projectId());
        String base = ProgrammeScope.base(project.programme);
        try {
            // the version the page showed: a change made since then answers 409 instead of being acted on
            Errors errors = new Errors();
            Long version = Inputs.integer(fields.getFirst("version"), "version", errors);
            errors.throwIfAny();
            change.apply(fields.getFirst("reason"), version);
        } catch (ValidationException | ConflictException e) {
            String message = e instanceof ConflictException c
                    ? messages.get(locale.get(), c.messageKey(), c.args())
                    : ((ValidationException) e).errors().stream()
                            .map(f -> messages.get(locale.get(), f.messageKey(), f.args()))
                            .collect(Collectors.joining(" "));
            TemplateInstance page = fromApprovals ? approvals.render(project.programme, message) : showPage(id, message);
            return Response.status(e instanceof ConflictException ? 409 : 400).type(HTML).entity(page.render()).build();
        }
        String target = base + (fromApprovals ? "/admin/approvals" : "/results/" + id);
        return Response.seeOther(URI.create(target)).cookie(Flash.cookie("result.flash." + action, String.valueOf(id)))
                .build();
    }

    private TemplateInstance showPage(long id, String error) {
        ResultView r = search.get(id);
        Project p = projects.get(r.projectId());
        scope.requireSame(p.programme);
        Page page = pages.page("results", "result.show.title", id);
        if (error != null) {
            page.withError(error);
        }
        return Templates.show(page, resultPages.show(p.programme, r));
    }

    private Response redirectAfterSave(ResultService.Saved saved) {
        var cookie = saved.doubleCountProjects().isEmpty()
                ? Flash.cookie("result.flash.saved", String.valueOf(saved.result().id()))
                : Flash.cookie("result.flash.savedDoubleCount", String.join(", ", saved.doubleCountProjects()));
        Project p = projects.get(saved.result().projectId());
        return Response.seeOther(URI.create(ProgrammeScope.base(p.programme) + "/results/" + saved.result().id()))
                .cookie(cookie).build();
    }

    private Response rerender(ResultForm form, ResultView existing, ValidationException v, ConflictException c,
            int status) {
        Optional<Project> p = projects.find(Inputs.integer(form.projectId, "projectId", new Errors()));
        if (p.isEmpty() && existing != null) {
            p = projects.find(existing.projectId());
        }
        if (p.isEmpty()) {
            Page page = pages.page("results", "result.new.title");
            if (v != null) {
                page.withErrors(v.errors());
            }
            return Response.status(status).type(HTML).entity(Templates.choose(page,
                    ResultPages.projectOptions(policy.registrableProjects(scope.programme())), form.projectId).render())
                    .build();
        }
        String error = c == null ? null : messages.get(locale.get(), c.messageKey(), c.args());
        TemplateInstance t = formPage(form, existing, p.get(), error, v == null ? List.of() : v.errors());
        return Response.status(status).type(HTML).entity(t.render()).build();
    }

    private TemplateInstance formPage(ResultForm form, ResultView existing, Project p, String error,
            List<FieldError> errors) {
        Page page = existing == null ? pages.page("results", "result.new.title")
                : pages.page("results", "result.edit.title", existing.id());
        page.withErrors(errors);
        if (error != null) {
            page.withError(error);
        }
        return Templates.form(page, form, resultPages.form(form, existing, p, page.isAdmin()));
    }
}
