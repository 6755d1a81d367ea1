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
@RolesAllowed(Role.ADMIN_CODE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserApi {

    public record UserDto(Long id, String username, String displayName, String email, String role, boolean active,
            List<Long> projectIds, Instant createdAt, long version) {
    }

    /** A new user; {@code active} defaults to true. */
    public record NewUser(String username, String displayName, String email, String role, Boolean active,
            String password, List<Long> projectIds) {
    }

    /** Changes to a user; the username cannot change. {@code version} (optional) guards against lost updates. */
    public record UserUpdate(String displayName, String email, String role, Boolean active, List<Long> projectIds,
            Long version) {
    }

    public record PasswordReset(String password) {
    }

    @Inject
    UserService service;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "All users with role, active flag and the projects each leads")
    public List<UserDto> list() {
        return service.summaries().stream()
                .map(s -> dto(s.user(), s.projects().stream().map(UserService.ProjectRef::id).toList()))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user")
    public UserDto get(@PathParam("id") Long id) {
        return dto(service.get(id));
    }

    @POST
    @Operation(summary = "Create a user (password: at least 10 characters, not the username)")
    public Response create(NewUser body) {
        if (body == null) {
            throw ValidationException.of("username", "error.required");
        }
        User u = service.create(new UserService.UserInput(body.username(), body.displayName(), body.email(), body.role(),
                body.active(), body.projectIds(), null), body.password());
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
                body.active(), body.projectIds(), body.version()), currentUser.require());
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
        return dto(u, service.projectsLedBy(u.id).stream().map(UserService.ProjectRef::id).toList());
    }

    private static UserDto dto(User u, List<Long> projectIds) {
        return new UserDto(u.id, u.username, u.displayName, u.email, u.role, u.active, projectIds, u.createdAt, u.version);
    }
}
