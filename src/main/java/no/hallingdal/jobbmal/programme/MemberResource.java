package no.hallingdal.jobbmal.programme;

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
import no.hallingdal.jobbmal.account.Memberships;
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.account.UserService;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.ValidationException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A programme's members (its admin or a system administrator): who holds which role there, adding an existing
 * user with a role (a lead with the projects they lead), changing and ending a membership. The rules are
 * {@link Memberships}'.
 */
@Path("/admin/members")
@RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
@InProgramme
@Produces(MediaType.TEXT_HTML)
public class MemberResource {

    /** The add or change form as typed. */
    public record Form(String username, String role, Set<Long> projects) {
        /** An empty form. */
        static Form empty() {
            return new Form("", Role.BOARD_CODE, Set.of());
        }

        public boolean has(Long projectId) {
            return projects.contains(projectId);
        }
    }

    @CheckedTemplate(basePath = "programme")
    static class Templates {
        static native TemplateInstance members(Page page, List<Memberships.Member> members, Form form,
                List<UserService.ProjectRef> projects, List<String> roles);

        static native TemplateInstance memberForm(Page page, Memberships.Member member, Form form,
                List<UserService.ProjectRef> projects, List<String> roles);
    }

    static final List<String> ROLES = List.of(Role.ADMIN_CODE, Role.LEAD_CODE, Role.BOARD_CODE);

    @Inject
    Pages pages;

    @Inject
    Memberships service;

    @Inject
    ProgrammeScope scope;

    @GET
    public TemplateInstance list() {
        Programme p = scope.programme();
        return Templates.members(pages.page("admin", "members.title"), service.members(p), Form.empty(),
                service.projects(p), ROLES);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(MultivaluedMap<String, String> form) {
        Programme p = scope.programme();
        Errors errors = new Errors();
        List<Long> projects = ids(form, errors);
        try {
            User u = service.add(p, form.getFirst("username"), form.getFirst("role"), projects, errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/members"))
                    .cookie(Flash.cookie("members.added", u.displayName)).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "members.title").withErrors(e.errors());
            return render(Templates.members(page, service.members(p), form(form, projects), service.projects(p),
                    ROLES));
        }
    }

    @GET
    @Path("{userId}")
    public TemplateInstance edit(@PathParam("userId") Long userId) {
        Programme p = scope.programme();
        Memberships.Member m = service.member(p, userId);
        return Templates.memberForm(pages.page("admin", "member.edit.title", m.displayName()), m,
                new Form(m.username(), m.role(), Set.copyOf(m.projects().stream().map(x -> x.id()).toList())),
                service.projects(p), ROLES);
    }

    @POST
    @Path("{userId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("userId") Long userId, MultivaluedMap<String, String> form) {
        Programme p = scope.programme();
        Memberships.Member m = service.member(p, userId);
        Errors errors = new Errors();
        List<Long> projects = ids(form, errors);
        try {
            service.change(p, userId, form.getFirst("role"), projects, errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/members"))
                    .cookie(Flash.cookie("members.saved", m.displayName())).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "member.edit.title", m.displayName()).withErrors(e.errors());
            return render(Templates.memberForm(page, m, new Form(m.username(), form.getFirst("role"),
                    Set.copyOf(projects)), service.projects(p), ROLES));
        }
    }

    @POST
    @Path("{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("userId") Long userId) {
        Programme p = scope.programme();
        Memberships.Member m = service.member(p, userId);
        try {
            service.remove(p, userId);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/members"))
                    .cookie(Flash.cookie("members.removed", m.displayName())).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "members.title");
            page.withError(e.errors().stream().map(x -> page.t(x.messageKey(), x.args())).findFirst().orElse(""));
            return render(Templates.members(page, service.members(p), Form.empty(), service.projects(p), ROLES));
        }
    }

    private static Form form(MultivaluedMap<String, String> form, List<Long> projects) {
        return new Form(form.getFirst("username"), form.getFirst("role"), Set.copyOf(projects));
    }

    private static List<Long> ids(MultivaluedMap<String, String> form, Errors errors) {
        List<Long> ids = new ArrayList<>();
        List<String> raw = form.get("projects");
        if (raw != null) {
            for (String s : raw) {
                Long id = Inputs.integer(s, "projects", errors);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static Response render(TemplateInstance t) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }
}
