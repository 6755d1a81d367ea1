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
import no.hallingdal.jobbmal.account.Role;
import no.hallingdal.jobbmal.common.ConflictException;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Flash;
import no.hallingdal.jobbmal.common.Inputs;
import no.hallingdal.jobbmal.common.Page;
import no.hallingdal.jobbmal.common.Pages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.ReferenceData;

import java.net.URI;
import java.util.List;

/**
 * A programme's periods (its admin or a system administrator): the list with the warnings, a new period, editing
 * one (its goal, annual and focus-area targets) and ending one. A period is named by its index in start order.
 */
@Path("/admin/periods")
@RolesAllowed({Role.ADMIN_CODE, Role.SYSTEM_ADMIN_CODE})
@InProgramme
@Produces(MediaType.TEXT_HTML)
public class PeriodResource {

    @CheckedTemplate(basePath = "programme")
    static class Templates {
        static native TemplateInstance periods(Page page, List<PeriodService.Row> rows, List<String> warnings);

        static native TemplateInstance periodForm(Page page, PeriodForm form, boolean isNew, int index,
                PeriodService.Row row, String endDate);
    }

    @Inject
    Pages pages;

    @Inject
    PeriodService service;

    @Inject
    ProgrammeScope scope;

    @Inject
    ReferenceData referenceData;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list() {
        Programme p = scope.programme();
        List<PeriodService.Row> rows = service.rows(p);
        Page page = pages.page("admin", "periods.title");
        return Templates.periods(page, rows, warnings(page, p));
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        Programme p = scope.programme();
        int index = service.rows(p).size() + 1;
        Page page = pages.page("admin", "period.new.title");
        PeriodForm form = PeriodForm.suggested(p, areas(p), page.t("period.defaultName", index), scope.today(),
                locale.get());
        return Templates.periodForm(page, form, true, index, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        Programme p = scope.programme();
        Errors errors = new Errors();
        PeriodInput in = PeriodForm.parse(form, errors);
        try {
            Period period = service.add(p, in, PeriodForm.version(form, errors), errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/periods"))
                    .cookie(Flash.cookie("period.added", period.name)).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "period.new.title").withErrors(e.errors());
            return render(400, Templates.periodForm(page, PeriodForm.of(form, areas(p), locale.get()), true,
                    p.periods.size() + 1, null, null));
        } catch (ConflictException e) {
            Page page = pages.page("admin", "period.new.title");
            page.withError(page.t(e.messageKey(), e.args()));
            return render(409, Templates.periodForm(page, PeriodForm.of(form, areas(p), locale.get()), true,
                    p.periods.size() + 1, null, null));
        }
    }

    @GET
    @Path("{index}")
    public TemplateInstance edit(@PathParam("index") int index) {
        Programme p = scope.programme();
        Period period = service.period(p, index);
        Page page = pages.page("admin", "period.edit.title", period.name);
        return Templates.periodForm(page, PeriodForm.of(period, areas(p), p.version, locale.get()), false, index,
                row(p, index), scope.today().toString());
    }

    @POST
    @Path("{index}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("index") int index, MultivaluedMap<String, String> form) {
        Programme p = scope.programme();
        Period stored = service.period(p, index);
        Errors errors = new Errors();
        PeriodInput in = PeriodForm.parse(form, errors);
        try {
            Period period = service.update(p, index, in, PeriodForm.version(form, errors), errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/periods"))
                    .cookie(Flash.cookie("period.saved", period.name)).build();
        } catch (ValidationException e) {
            Page page = pages.page("admin", "period.edit.title", stored.name).withErrors(e.errors());
            return render(400, Templates.periodForm(page, PeriodForm.of(form, areas(p), locale.get()), false, index,
                    row(p, index), scope.today().toString()));
        } catch (ConflictException e) {
            Page page = pages.page("admin", "period.edit.title", stored.name);
            page.withError(page.t(e.messageKey(), e.args()));
            return render(409, Templates.periodForm(page, PeriodForm.of(form, areas(p), locale.get()), false, index,
                    row(p, index), scope.today().toString()));
        }
    }

    @POST
    @Path("{index}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("index") int index, MultivaluedMap<String, String> form) {
        Programme p = scope.programme();
        Period stored = service.period(p, index);
        Errors errors = new Errors();
        String typed = form.getFirst("endDate");
        try {
            Period period = service.end(p, index, Inputs.date(typed, "endDate", errors),
                    PeriodForm.version(form, errors), errors);
            return Response.seeOther(URI.create(ProgrammeScope.base(p) + "/admin/periods"))
                    .cookie(Flash.cookie("period.ended", period.name)).build();
        } catch (ValidationException | ConflictException e) {
            Page page = pages.page("admin", "period.edit.title", stored.name);
            if (e instanceof ValidationException v) {
                page.withErrors(v.errors());
            } else {
                ConflictException c = (ConflictException) e;
                page.withError(page.t(c.messageKey(), c.args()));
            }
            return render(e instanceof ConflictException ? 409 : 400, Templates.periodForm(page,
                    PeriodForm.of(stored, areas(p), p.version, locale.get()), false, index, row(p, index), typed));
        }
    }

    private PeriodService.Row row(Programme p, int index) {
        return service.rows(p).get(index - 1);
    }

    private List<FocusArea> areas(Programme p) {
        return referenceData.focusAreas(p.id);
    }

    /** The warnings as text; a period's start with its name. */
    private List<String> warnings(Page page, Programme p) {
        return Periods.warnings(p.periods).stream().map(w -> (w.period() == null ? ""
                : p.periods.get(w.period() - 1).name + ": ") + page.t(w.messageKey(), w.args())).toList();
    }

    private static Response render(int status, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }
}
