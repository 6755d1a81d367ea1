package no.hallingdal.jobbmal.account;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Admin pages for user accounts: list, create, edit (role, active, projects led), reset password, deactivate. */
@Path("/admin/users")
@RolesAllowed({Role.SYSTEM_ADMIN_CODE, Role.ADMIN_CODE})
@Produces(MediaType.TEXT_HTML)
public class UserResource {

    /** The form's values as typed, for re-display. */
    public record UserForm(Long id, String username, String displayName, String email, String role, boolean active,
            Set<Long> projectIds, long version) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** How a user signs in: a local password, through the organisation (last time), or both. */
    public record SignIn(boolean password, java.time.Instant oidcSignedInAt, boolean oidc) {
        static SignIn of(User u) {
            return new SignIn(u.hasPassword(), u.oidcSignedInAt, u.hasOidcIdentity());
        }
    }

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance users(Page page, List<UserService.UserSummary> users);

        static native TemplateInstance userForm(Page page, UserForm form, List<Option> roles, List<Option> projects,
                boolean isNew, boolean self, SignIn signIn);
    }

    @Inject
    Pages pages;

    @Inject
    UserService service;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance list() {
        return Templates.users(pages.page("admin", "users.title"), service.summaries());
    }

    @GET
    @Path("new")
    public TemplateInstance createForm() {
        UserForm form = new UserForm(null, "", "", "", Role.LEAD_CODE, true, Set.of(), 0);
        return form(pages.page("admin", "user.new.title"), form, true);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> f) {
        Errors parse = new Errors();
        UserService.UserInput in = input(f, parse, null);
        try {
            parse.throwIfAny();
            User u = service.create(in, f.getFirst("password"));
            return Response.seeOther(URI.create("/admin/users")).cookie(Flash.cookie("user.created", u.username)).build();
        } catch (ValidationException e) {
            UserForm form = formOf(null, in, 0);
            Page page = pages.page("admin", "user.new.title").withErrors(e.errors());
            return Response.status(400).entity(form(page, form, true)).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance editForm(@PathParam("id") Long id) {
        User u = service.administered(id);
        Set<Long> led = service.projectsLedBy(u.id).stream().map(UserService.ProjectRef::id).collect(Collectors.toSet());
        UserForm form = new UserForm(u.id, u.username, u.displayName, u.email, service.legacyRole(u), u.active, led, u.version);
        return form(pages.page("admin", "user.edit.title", u.username), form, false);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") Long id, MultivaluedMap<String, String> f) {
        User existing = service.administered(id);
        Errors parse = new Errors();
        UserService.UserInput in = input(f, parse, existing.username);
        try {
            parse.throwIfAny();
            User u = service.update(id, in, currentUser.require());
            return Response.seeOther(URI.create("/admin/users/" + u.id)).cookie(Flash.cookie("user.saved", u.username))
                    .build();
        } catch (ValidationException e) {
            UserForm form = formOf(id, in, in.version() == null ? 0 : in.version());
            Page page = pages.page("admin", "user.edit.title", existing.username).withErrors(e.errors());
            return Response.status(400).entity(form(page, form, false)).build();
        }
    }

    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("id") Long id, MultivaluedMap<String, String> f) {
        try {
            User u = service.resetPassword(id, f.getFirst("password"));
            return Response.seeOther(URI.create("/admin/users/" + u.id)).cookie(Flash.cookie("user.password.reset", u.username))
                    .build();
        } catch (ValidationException e) {
            return editFormWithErrors(id, e);
        }
    }

    @POST
    @Path("{id}/password/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removePassword(@PathParam("id") Long id) {
        try {
            User u = service.removePassword(id);
            return Response.seeOther(URI.create("/admin/users/" + u.id)).cookie(Flash.cookie("user.password.removed", u.username))
                    .build();
        } catch (ValidationException e) {
            return editFormWithErrors(id, e);
        }
    }

    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("id") Long id) {
        try {
            User u = service.deactivate(id, currentUser.require());
            return Response.seeOther(URI.create("/admin/users/" + u.id)).cookie(Flash.cookie("user.deactivated", u.username))
                    .build();
        } catch (ValidationException e) {
            return editFormWithErrors(id, e);
        }
    }

    private Response editFormWithErrors(Long id, ValidationException e) {
        User u = service.administered(id);
        Set<Long> led = service.projectsLedBy(u.id).stream().map(UserService.ProjectRef::id).collect(Collectors.toSet());
        UserForm form = new UserForm(u.id, u.username, u.displayName, u.email, service.legacyRole(u), u.active, led,
                u.version);
        Page page = pages.page("admin", "user.edit.title", u.username).withErrors(e.errors());
        return Response.status(400).entity(form(page, form, false)).build();
    }

    private TemplateInstance form(Page page, UserForm form, boolean isNew) {
        List<Option> roles = Arrays.stream(Role.values())
                .map(r -> new Option(r.code(), page.t("role." + r.code()), r.code().equals(form.role())))
                .toList();
        List<Option> projects = service.allProjects().stream()
                .map(p -> new Option(String.valueOf(p.id()), p.name(), form.projectIds().contains(p.id())))
                .toList();
        boolean self = form.id() != null && form.id().equals(currentUser.id());
        SignIn signIn = form.id() == null ? null : SignIn.of(service.administered(form.id()));
        return Templates.userForm(page, form, roles, projects, isNew, self, signIn);
    }

    private static UserService.UserInput input(MultivaluedMap<String, String> f, Errors errors, String fixedUsername) {
        List<Long> projectIds = new ArrayList<>();
        List<String> raw = f.get("projects");
        if (raw != null) {
            for (String s : raw) {
                Long id = Inputs.integer(s, "projects", errors);
                if (id != null) {
                    projectIds.add(id);
                }
            }
        }
        Long version = Inputs.integer(f.getFirst("version"), "version", errors);
        String username = fixedUsername != null ? fixedUsername : f.getFirst("username");
        boolean active = "true".equals(f.getFirst("active"));
        return new UserService.UserInput(username, f.getFirst("displayName"), f.getFirst("email"), f.getFirst("role"),
                active, projectIds, version);
    }

    private static UserForm formOf(Long id, UserService.UserInput in, long version) {
        return new UserForm(id, in.username(), in.displayName(), in.email(), in.role(),
                in.active() == null || in.active(), Set.copyOf(in.projectIds()), version);
    }
}
