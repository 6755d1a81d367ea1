package no.hallingdal.jobbmal.project;

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
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.municipality.ReferenceData;
import no.hallingdal.jobbmal.programme.InProgramme;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeAccess;
import no.hallingdal.jobbmal.programme.ProgrammeScope;

import java.net.URI;
import java.util.List;

/** The project pages: list with filters and sorting, detail, and one form for create and edit (admin). */
@Path("/projects")
@InProgramme
public class ProjectResource {

    @CheckedTemplate(basePath = "project")
    static class Templates {
        static native TemplateInstance list(Page page, ProjectListView view, List<FocusArea> focusAreas,
                List<Municipality> municipalities, List<ProjectPhase> phases, List<ProjectStatus> statuses);

        static native TemplateInstance detail(Page page, Project project, boolean canEdit, boolean canRegister,
                no.hallingdal.jobbmal.dashboard.DashboardView progress,
                no.hallingdal.jobbmal.result.ResultSearch.ProjectResults results);

        static native TemplateInstance form(Page page, ProjectForm form, List<FocusArea> focusAreas,
                List<Municipality> municipalities, List<User> leads, List<ProjectPhase> phases,
                List<ProjectStatus> statuses);
    }

    @Inject
    Pages pages;

    @Inject
    ProjectService service;

    @Inject
    ProgrammeScope scope;

    @Inject
    ProgrammeAccess access;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("focusArea") String focusArea,
            @QueryParam("municipality") String municipality, @QueryParam("status") String status,
            @QueryParam("phase") String phase, @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        ProjectFilter filter = new ProjectFilter(focusArea, municipality, status, phase,
                sort != null && ProjectService.SORTS.containsKey(sort) ? sort : null, dir);
        Programme programme = scope.programme();
        var result = service.list(programme, filter);
        return Templates.list(pages.page("projects", "project.list.title"),
                new ProjectListView(filter, result.projects(), result.expectedNewJobs()),
                referenceData.focusAreas(programme.id), List.copyOf(programme.municipalities),
                List.of(ProjectPhase.values()), List.of(ProjectStatus.values()));
    }

    @Inject
    no.hallingdal.jobbmal.dashboard.ProgressViews progressViews;

    @Inject
    no.hallingdal.jobbmal.result.ResultSearch results;

    @Inject
    no.hallingdal.jobbmal.result.ResultPolicy resultPolicy;

    @Inject
    ReferenceData referenceData;

    @GET
    @Path("/{id: \\d+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") long id) {
        Project p = service.get(id);
        scope.requireSame(p.programme);
        return Templates.detail(pages.plain("projects", p.name), p, access.is(Role.ADMIN, p.programme),
                resultPolicy.mayRegisterFor(p), progressViews.project(p), results.projectResults(p.id));
    }

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.ADMIN_CODE)
    public TemplateInstance createForm() {
        return form(pages.page("projects", "project.new.title"), ProjectForm.empty());
    }

    @GET
    @Path("/{id: \\d+}/edit")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.ADMIN_CODE)
    public TemplateInstance editForm(@PathParam("id") long id) {
        Project p = service.get(id);
        scope.requireSame(p.programme);
        Page page = pages.page("projects", "project.edit.title", p.name);
        return form(page, ProjectForm.of(p, page.locale));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.ADMIN_CODE)
    public Response create(MultivaluedMap<String, String> form) {
        Errors errors = new Errors();
        ProjectInput input = ProjectForm.parse(form, errors);
        try {
            Project p = service.create(scope.programme(), input, errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p.programme) + "/projects/" + p.id))
                    .cookie(Flash.cookie("project.created", p.name)).build();
        } catch (ValidationException e) {
            Page page = pages.page("projects", "project.new.title").withErrors(e.errors());
            return html(400, form(page, ProjectForm.of(null, form)));
        }
    }

    @POST
    @Path("/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.ADMIN_CODE)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Project existing = service.get(id);
        Errors errors = new Errors();
        ProjectInput input = ProjectForm.parse(form, errors);
        try {
            Project p = service.update(id, input, errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p.programme) + "/projects/" + p.id))
                    .cookie(Flash.cookie("project.saved", p.name)).build();
        } catch (ValidationException e) {
            Page page = pages.page("projects", "project.edit.title", existing.name).withErrors(e.errors());
            return html(400, form(page, ProjectForm.of(id, form)));
        } catch (ConflictException e) {
            Page page = pages.page("projects", "project.edit.title", existing.name);
            page.withError(page.t(e.messageKey(), e.args()));
            return html(409, form(page, ProjectForm.of(id, form)));
        }
    }

    private TemplateInstance form(Page page, ProjectForm form) {
        Programme programme = scope.programme();
        return Templates.form(page, form, referenceData.focusAreas(programme.id), List.copyOf(programme.municipalities),
                service.leadCandidates(programme), List.of(ProjectPhase.values()), List.of(ProjectStatus.values()));
    }

    private static Response html(int status, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }
}
