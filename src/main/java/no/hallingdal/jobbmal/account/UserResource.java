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
import no.hallingdal.jobbmal.common.FieldError;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The system administrator's pages for user accounts: list, create, edit (memberships in programmes with the
 * projects a lead leads, county code, system-administrator flag, active), reset or remove a password, deactivate.
 * The form's rights are {@code memberships[i].programme}, {@code .role} and {@code .projectIds} per programme (and
 * {@code rights=memberships}); a form without that marker is read in the wave-1 shape, {@code role} + {@code projects}.
 */
@Path("/admin/users")
@RolesAllowed({Role.SYSTEM_ADMIN_CODE, Role.ADMIN_CODE})
@Produces(MediaType.TEXT_HTML)
public class UserResource {

    static final String MEMBERSHIPS = "memberships";

    /** The form's values as typed, for re-display. */
    public record UserForm(Long id, String username, String displayName, String email, boolean active, long version,
            List<MembershipRow> memberships, String countyCode, boolean systemAdmin) {
    }

    /** One programme on the form: the user's role there ("" for none) and its projects, checked when led. */
    public record MembershipRow(int index, String programme, String programmeName, List<Option> roles,
            List<Option> projects) {
        public String field(String name) {
            return MEMBERSHIPS + "[" + index + "]." + name;
        }
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** How a user signs in: a local password, through the organisation (last time), or both. */
    public record SignIn(boolean password, java.time.Instant oidcSignedInAt, boolean oidc) {
        static SignIn of(User u) {
            return new SignIn(u.hasPassword(), u.oidcSignedInAt, u.hasOidcIdentity());
        }
    }

    /** What the form asks for: the input, and the form row of each of its memberships (for the messages). */
    record Submitted(UserService.UserInput input, List<Integer> rows, Map<String, String> roles,
            Map<String, Set<Long>> projects) {
    }

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance users(Page page, List<UserService.UserSummary> users);

        static native TemplateInstance userForm(Page page, UserForm form, boolean isNew, boolean self, SignIn signIn);
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
        Page page = pages.page("admin", "user.new.title");
        return form(page, formOf(null, "", "", "", true, 0, Map.of(), Map.of(), null, false, page), true);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> f) {
        Errors parse = new Errors();
        Submitted s = input(f, parse, null);
        try {
            parse.throwIfAny();
            User u = service.create(s.input(), f.getFirst("password"));
            return Response.seeOther(URI.create("/admin/users")).cookie(Flash.cookie("user.created", u.username)).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "user.new.title").withErrors(onRows(e, s.rows()));
            return Response.status(400).entity(form(page, formOf(null, s, 0, page), true)).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance editForm(@PathParam("id") Long id) {
        User u = service.administered(id);
        Page page = pages.page("admin", "user.edit.title", u.username);
        return form(page, formOf(u, page), false);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") Long id, MultivaluedMap<String, String> f) {
        User existing = service.administered(id);
        Errors parse = new Errors();
        Submitted s = input(f, parse, existing.username);
        try {
            parse.throwIfAny();
            User u = service.update(id, s.input(), currentUser.require());
            return Response.seeOther(URI.create("/admin/users/" + u.id)).cookie(Flash.cookie("user.saved", u.username))
                    .build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "user.edit.title", existing.username).withErrors(onRows(e, s.rows()));
            UserForm form = formOf(id, s, s.input().version() == null ? 0 : s.input().version(), page);
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
        Page page = pages.page("admin", "user.edit.title", u.username).withErrors(e.errors());
        return Response.status(400).entity(form(page, formOf(u, page), false)).build();
    }

    private TemplateInstance form(Page page, UserForm form, boolean isNew) {
        boolean self = form.id() != null && form.id().equals(currentUser.id());
        SignIn signIn = form.id() == null ? null : SignIn.of(service.administered(form.id()));
        return Templates.userForm(page, form, isNew, self, signIn);
    }

    /** The form of a stored user: their role and the projects they lead in each programme. */
    private UserForm formOf(User u, Page page) {
        Map<String, String> roles = new TreeMap<>();
        Map<String, Set<Long>> led = new TreeMap<>();
        for (UserService.MembershipView m : service.memberships(u)) {
            roles.put(m.programme(), m.role());
            led.put(m.programme(), Set.copyOf(m.projectIds()));
        }
        return formOf(u.id, u.username, u.displayName, u.email, u.active, u.version, roles, led, u.countyCode,
                u.systemAdmin, page);
    }

    private UserForm formOf(Long id, Submitted s, long version, Page page) {
        UserService.UserInput in = s.input();
        return formOf(id, in.username(), in.displayName(), in.email(), in.active() == null || in.active(), version,
                s.roles(), s.projects(), in.countyCode(), Boolean.TRUE.equals(in.systemAdmin()), page);
    }

    private UserForm formOf(Long id, String username, String displayName, String email, boolean active, long version,
            Map<String, String> roles, Map<String, Set<Long>> projects, String countyCode, boolean systemAdmin,
            Page page) {
        List<MembershipRow> rows = new ArrayList<>();
        List<UserService.ProgrammeChoice> choices = service.programmeChoices();
        for (int i = 0; i < choices.size(); i++) {
            UserService.ProgrammeChoice c = choices.get(i);
            String role = roles.getOrDefault(c.code(), "");
            List<Option> roleOptions = new ArrayList<>();
            roleOptions.add(new Option("", page.t("user.role.none"), role.isEmpty()));
            for (Role r : List.of(Role.ADMIN, Role.LEAD, Role.BOARD)) {
                roleOptions.add(new Option(r.code(), page.t("role." + r.code()), r.code().equals(role)));
            }
            Set<Long> led = projects.getOrDefault(c.code(), Set.of());
            rows.add(new MembershipRow(i, c.code(), c.name(), roleOptions, c.projects().stream()
                    .map(p -> new Option(String.valueOf(p.id()), p.name(), led.contains(p.id()))).toList()));
        }
        return new UserForm(id, username, displayName, email, active, version, rows, countyCode, systemAdmin);
    }

    /** The service names a membership by its place in the input; the page by its row: move the messages there. */
    private static List<FieldError> onRows(ValidationException e, List<Integer> rows) {
        List<FieldError> out = new ArrayList<>();
        for (FieldError fe : e.errors()) {
            String field = fe.field();
            for (int k = 0; k < rows.size(); k++) {
                String prefix = MEMBERSHIPS + "[" + k + "]";
                if (field.startsWith(prefix + ".")) {
                    field = MEMBERSHIPS + "[" + rows.get(k) + "]" + field.substring(prefix.length());
                    break;
                }
            }
            out.add(new FieldError(field, fe.messageKey(), fe.args()));
        }
        return out;
    }

    /** Reads the form: the memberships shape when it carries {@code rights=memberships}, else the wave-1 shape. */
    private static Submitted input(MultivaluedMap<String, String> f, Errors errors, String fixedUsername) {
        Long version = Inputs.integer(f.getFirst("version"), "version", errors);
        String username = fixedUsername != null ? fixedUsername : f.getFirst("username");
        boolean active = "true".equals(f.getFirst("active"));
        if (!MEMBERSHIPS.equals(f.getFirst("rights"))) {
            List<Long> projectIds = ids(f.get("projects"), "projects", errors);
            UserService.UserInput in = new UserService.UserInput(username, f.getFirst("displayName"),
                    f.getFirst("email"), f.getFirst("role"), active, projectIds, version);
            return new Submitted(in, List.of(), Map.of(), Map.of());
        }
        List<UserService.MembershipInput> memberships = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        Map<String, String> roles = new TreeMap<>();
        Map<String, Set<Long>> projects = new TreeMap<>();
        for (int i = 0; f.containsKey(MEMBERSHIPS + "[" + i + "].programme"); i++) {
            String prefix = MEMBERSHIPS + "[" + i + "].";
            String programme = f.getFirst(prefix + "programme");
            String role = Inputs.text(f.getFirst(prefix + "role"));
            List<Long> ids = ids(f.get(prefix + "projectIds"), prefix + "projectIds", errors);
            roles.put(programme, role == null ? "" : role);
            projects.put(programme, Set.copyOf(ids));
            if (role != null || !ids.isEmpty()) {
                memberships.add(new UserService.MembershipInput(programme, role, ids));
                rows.add(i);
            }
        }
        UserService.UserInput in = new UserService.UserInput(username, f.getFirst("displayName"), f.getFirst("email"),
                null, active, List.of(), version, memberships, Inputs.text(f.getFirst("countyCode")),
                "true".equals(f.getFirst("systemAdmin")));
        return new Submitted(in, rows, roles, projects);
    }

    private static List<Long> ids(List<String> raw, String field, Errors errors) {
        List<Long> ids = new ArrayList<>();
        if (raw != null) {
            for (String s : raw) {
                Long id = Inputs.integer(s, field, errors);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
