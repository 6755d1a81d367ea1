package no.hallingdal.jobbmal.programme;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * Programmes as JSON (docs/api.md, "Programmes"): those the caller may read; a system administrator creates one;
 * its admin or a system administrator changes one. Programmes are never deleted.
 */
@Path("/api/v1/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes")
public class ProgrammesApi {

    @Inject
    ProgrammeAdmin admin;

    @Inject
    ProgrammeService programmes;

    @Inject
    ProgrammeAccess access;

    @Inject
    RequestLocale locale;

    @GET
    @Operation(summary = "The programmes the caller may read (member, county user of its county, system administrator), "
            + "by name, each with its municipalities, focus areas, periods (index = position in start order, from 1), "
            + "warnings and version")
    public List<ProgrammeDocument> list() {
        return access.visible().stream().map(p -> admin.document(p, locale.get())).toList();
    }

    @POST
    @RolesAllowed(Role.SYSTEM_ADMIN_CODE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a programme (system administrators): code (URL slug), name, region, owner, countyCode, "
            + "countyName, municipalities, focusAreas and at least one period. 201 with Location.")
    public Response create(ProgrammeDocument body) {
        if (body == null) {
            throw ValidationException.of("body", "error.required");
        }
        Programme p = admin.create(body, new Errors());
        return Response.created(URI.create("/api/v1/programmes/" + p.code))
                .entity(admin.document(programmes.get(p.code), locale.get())).build();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One programme, as the list gives it")
    public ProgrammeDocument get(@PathParam("code") String code) {
        return admin.document(programmes.get(code), locale.get());
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a programme (its admin or a system administrator): what GET returns; 'version' is "
            + "required, 409 when stale. Lists left out stay as they are; periods are matched by their place in start "
            + "order and never removed; a focus area or municipality in use cannot be removed.")
    public ProgrammeDocument put(@PathParam("code") String code, ProgrammeDocument body) {
        if (body == null) {
            throw ValidationException.of("body", "error.required");
        }
        return admin.put(programmes.get(code), body, locale.get());
    }
}
