package no.hallingdal.jobbmal.result;

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
import no.hallingdal.jobbmal.programme.ProgrammeScope;
import no.hallingdal.jobbmal.common.Errors;
import no.hallingdal.jobbmal.common.Messages;
import no.hallingdal.jobbmal.common.RequestLocale;
import no.hallingdal.jobbmal.common.ValidationException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/** The results API: the same rules as the pages, through {@link ResultService}. */
@Path("/api/v1/results")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
public class ResultApi {

    @Inject
    ResultService service;

    @Inject
    ResultSearch search;

    @Inject
    ProgrammeScope scope;

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    /**
     * One page of results; {@code total}, {@code sumAmount} and {@code byKind} cover the whole filtered set.
     * {@code sumAmount} adds all amounts (årsverk and companies alike); {@code byKind} has the count and the
     * sum of each kind that occurs.
     */
    public record ResultPage(List<ResultView> items, int page, int size, long total, BigDecimal sumAmount,
            List<ResultSearch.KindTotal> byKind) {
    }

    /**
     * Body of approve, return and withdraw: the reason, and optionally the version the caller based the
     * decision on (409 if the result has changed since).
     */
    public record ReasonBody(String reason, Long version) {
    }

    @GET
    @Operation(summary = "A programme's results (parameter programme: its code, optional while the instance has one "
            + "programme; period: an index from 1, 'all' or 'outside'), filtered and paged (size at most 200); count and "
            + "sums over the filtered set, in all and per kind")
    public ResultPage list(@QueryParam("project") String project, @QueryParam("municipality") String municipality,
            @QueryParam("focusArea") String focusArea, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("year") String year, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort, @QueryParam("period") String period) {
        Errors errors = new Errors();
        ResultFilter filter = ResultFilter.parse(project, municipality, focusArea, kind, status, year, period, sort,
                page, size, errors);
        errors.throwIfAny();
        ResultSearch.SearchResult r = search.search(scope.programme(), filter);
        return new ResultPage(r.items(), r.page(), r.size(), r.total(), r.sumAmount(), r.byKind());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One result")
    public ResultView get(@PathParam("id") long id) {
        return search.get(id);
    }

    @POST
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    @Operation(summary = "Register a result (status PENDING); 201 with Location and any warnings")
    public Response create(ResultInput body) {
        if (body == null) {
            throw ValidationException.of("body", "error.required");
        }
        ResultService.Saved saved = service.create(body);
        ResultView view = withWarnings(saved);
        return Response.created(URI.create("/api/v1/results/" + view.id())).entity(view).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    @Operation(summary = "Change a result; carries the version it is based on (409 when stale)")
    public ResultView update(@PathParam("id") long id, ResultInput body) {
        if (body == null) {
            throw ValidationException.of("body", "error.required");
        }
        return withWarnings(service.update(id, body));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.ADMIN_CODE)
    @Operation(summary = "Approve a pending result (a reason is needed only in a locked year)")
    public ResultView approve(@PathParam("id") long id, ReasonBody body) {
        return service.approve(id, body == null ? null : body.reason(), body == null ? null : body.version());
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Role.ADMIN_CODE)
    @Operation(summary = "Return a pending result to its lead, with a reason")
    public ResultView returnResult(@PathParam("id") long id, ReasonBody body) {
        return service.returnResult(id, body == null ? null : body.reason(), body == null ? null : body.version());
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Role.ADMIN_CODE, Role.LEAD_CODE})
    @Operation(summary = "Withdraw a result, with a reason (nothing is ever deleted)")
    public ResultView withdraw(@PathParam("id") long id, ReasonBody body) {
        return service.withdraw(id, body == null ? null : body.reason(), body == null ? null : body.version());
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of a result, newest first")
    public List<ResultHistory.HistoryEntry> history(@PathParam("id") long id) {
        return service.history(id);
    }

    private ResultView withWarnings(ResultService.Saved saved) {
        if (saved.doubleCountProjects().isEmpty()) {
            return saved.result();
        }
        return saved.result().withWarnings(List.of(messages.get(locale.get(), "result.warning.doubleCount",
                String.join(", ", saved.doubleCountProjects()))));
    }
}
