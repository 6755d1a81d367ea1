package no.hallingdal.jobbmal.account;

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
import no.hallingdal.jobbmal.common.ValidationException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** User accounts as JSON (admin only). Password hashes are never returned. */
@Path("/api/v1/users")
@RolesAllowed({Role.SYSTEM_ADMIN_CODE, Role.ADMIN_CODE})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserApi {

    /**
     * A user: their memberships, county code and system-administrator flag; {@code role} and {@code projectIds} are the
     * wave-1 shape, their role in the instance's only programme (null with several).
     */
    public record UserDto(Long id, String username, String displayName, String email, String role, boolean active,
            List<Long> projectIds, List<UserService.MembershipView> memberships, String countyCode,
            boolean systemAdmin, Instant createdAt, long version) {
    }

    /** A new user; {@code active} defaults to true. Rights as {@code memberships} or, wave-1 shape, {@code role}. */
    public record NewUser(String username, String displayName, String email, String role, Boolean active,
            String password, List<Long> projectIds, List<UserService.MembershipInput> memberships, String countyCode,
            Boolean systemAdmin) {
    }

    /** Changes to a user; the username cannot change. {@code version} (optional) guards against lost updates. */
    public record UserUpdate(String displayName, String email, String role, Boolean active, List<Long> projectIds,
            Long version, List<UserService.MembershipInput> memberships, String countyCode, Boolean systemAdmin) {
    }

    public record PasswordReset(String password) {
    }

    @Inject
    UserService service;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "All users with their memberships, county code, active flag and the projects each leads")
    public List<UserDto> list() {
        return service.listAll().stream().map(this::dto).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user")
    public UserDto get(@PathParam("id") Long id) {
        return dto(service.administered(id));
    }

    @POST
    @Operation(summary = "Create a user (password: at least 10 characters, not the username)")
    public Response create(NewUser body) {
        if (body == null) {
            throw ValidationException.of("username", "error.required");
        }
        User u = service.create(new UserService.UserInput(body.username(), body.displayName(), body.email(), body.role(),
                body.active(), body.projectIds(), null, body.memberships(), body.countyCode(), body.systemAdmin()),
                body.password());
        return Response.created(URI.create("/api/v1/users/" + u.id)).entity(dto(u)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change display name, e-mail, role, active flag and projects led")
    public UserDto update(@PathParam("id") Long id, UserUpdate body) {
        if (body == null) {
            throw ValidationException.of("displayName", "error.required");
        }
        User u = service.update(id, new UserService.UserInput(null, body.displayName(), body.email(), body.role(),
                body.active(), body.projectIds(), body.version(), body.memberships(), body.countyCode(),
                body.systemAdmin()), currentUser.require());
        return dto(u);
    }

    @POST
    @Path("{id}/password")
    @Operation(summary = "Reset a user's password")
    public Response resetPassword(@PathParam("id") Long id, PasswordReset body) {
        service.resetPassword(id, body == null ? null : body.password());
        return Response.noContent().build();
    }

    private UserDto dto(User u) {
        String role = service.legacyRole(u);
        List<UserService.MembershipView> memberships = service.memberships(u);
        List<Long> projectIds = role == null || memberships.isEmpty() ? List.of() : memberships.get(0).projectIds();
        return new UserDto(u.id, u.username, u.displayName, u.email, role, u.active, projectIds, memberships,
                u.countyCode, u.systemAdmin, u.createdAt, u.version);
    }
}
