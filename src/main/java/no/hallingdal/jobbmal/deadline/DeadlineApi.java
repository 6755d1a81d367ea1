package no.hallingdal.jobbmal.deadline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.programme.ProgrammeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** A programme's reporting deadlines as JSON (docs/api.md, "Deadlines"): read by everyone who may read it. */
@Path("/api/v1/programmes/{code}/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines")
public class DeadlineApi {

    @Inject
    DeadlineService service;

    @Inject
    ProgrammeService programmes;

    @GET
    @Operation(summary = "The programme's reporting deadlines by date, each with the days left until it")
    public List<DeadlineView> list(@PathParam("code") String code) {
        Programme p = programmes.get(code);
        return service.list(p).stream().map(d -> service.view(p, d)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One deadline; 404 when it is another programme's")
    public DeadlineView get(@PathParam("code") String code, @PathParam("id") long id) {
        Programme p = programmes.get(code);
        return service.view(p, service.get(p, id));
    }

    @POST
    @RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a deadline (the programme's admin or a system administrator): dueDate, title, note. "
            + "201 with Location.")
    public Response create(@PathParam("code") String code, DeadlineInput body) {
        Programme p = programmes.get(code);
        Deadline d = service.create(p, body, new Errors());
        return Response.created(URI.create("/api/v1/programmes/" + p.code + "/deadlines/" + d.id))
                .entity(service.view(p, d)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a deadline: dueDate, title, note and the version read (required; 409 when stale)")
    public DeadlineView update(@PathParam("code") String code, @PathParam("id") long id, DeadlineInput body) {
        Programme p = programmes.get(code);
        return service.view(p, service.update(p, id, body, new Errors()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
    @Operation(summary = "Remove a deadline; ?version= the version read (required; 409 when stale). 204.")
    public Response delete(@PathParam("code") String code, @PathParam("id") long id,
            @QueryParam("version") String version) {
        service.delete(programmes.get(code), id, version);
        return Response.noContent().build();
    }
}
