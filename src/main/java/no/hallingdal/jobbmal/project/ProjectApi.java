package no.hallingdal.jobbmal.project;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.ValidationException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Projects as JSON. Municipalities and focus areas by code (municipality input: current or 2020–2023
 * code; output: current code); leads by user id. Reading needs a login; writing needs the admin role.
 */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ProjectApi {

    /** A project in the API; the same shape is returned and accepted ({@code id} is ignored on input). */
    public record ProjectJson(Long id, String programme, String name, String description, String focusArea,
            List<String> municipalities, String projectOwner, List<Long> leads, String phase, String status,
            LocalDate startDate, LocalDate endDate, BigDecimal expectedNewJobs, Long grantedFunds, Long version) {

        static ProjectJson of(Project p) {
            return new ProjectJson(p.id, p.programme.code, p.name, p.description, p.focusArea.code,
                    p.municipalities.stream()
                            .sorted(java.util.Comparator.comparingInt(m -> m.sortOrder)).map(m -> m.code).toList(), p.projectOwner,
                    p.leads.stream().map(u -> u.id).toList(), p.phase.code(), p.status.code(), p.startDate,
                    p.endDate, p.expectedNewJobs, p.grantedFunds, p.version);
        }

        ProjectInput input() {
            return new ProjectInput(Inputs.text(name), Inputs.text(description), Inputs.text(focusArea),
                    municipalities, Inputs.text(projectOwner), leads, Inputs.text(phase), Inputs.text(status),
                    startDate, endDate, expectedNewJobs, grantedFunds, version);
        }
    }

    @Inject
    ProjectService service;

    @Inject
    ProgrammeScope scope;

    @Inject
    no.hallingdal.jobbmal.programme.ProgrammeService programmes;

    @GET
    @Operation(summary = "Projects, filtered by focus area, municipality, status and phase (codes)")
    public List<ProjectJson> list(@QueryParam("focusArea") String focusArea,
            @QueryParam("municipality") String municipality, @QueryParam("status") String status,
            @QueryParam("phase") String phase, @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        return service.list(scope.programme(), new ProjectFilter(focusArea, municipality, status, phase, sort, dir))
                .projects().stream().map(ProjectJson::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One project")
    public ProjectJson get(@PathParam("id") long id) {
        return ProjectJson.of(service.get(id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_CODE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a project (admin); 201 with Location")
    public Response create(ProjectJson body) {
        if (body == null) {
            throw ValidationException.of("body", "error.required");
        }
        Project p = service.create(body.programme() == null ? scope.programme() : programmes.reference(body.programme(), "programme"),
                body.input(), new Errors());
        return Response.created(URI.create("/api/v1/projects/" + p.id)).entity(ProjectJson.of(p)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_CODE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a project (admin); 'version' is required, 409 when stale")
    public ProjectJson update(@PathParam("id") long id, ProjectJson body) {
        if (body == null) {
            throw ValidationException.of("body", "error.required");
        }
        return ProjectJson.of(service.update(id, body.input(), new Errors()));
    }
}
