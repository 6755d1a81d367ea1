package no.hallingdal.jobbmal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into a clear answer: {@code application/problem+json} under /api, an HTML error
 * page elsewhere. Never a stack trace or a class name; an unexpected error is logged with an incident
 * id that the answer shows.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    public static final String PROBLEM_JSON = "application/problem+json";

    @CheckedTemplate(basePath = "common", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance error(Page page, int status, String message, String incident);
    }

    @Inject
    Messages messages;

    @Inject
    RequestLocale locale;

    @Inject
    Pages pages;

    @Inject
    HttpServerRequest request;

    @Inject
    WritableStorage storage;

    public record ProblemField(String field, String message) {
    }

    public record Problem(String type, String title, int status, String detail, List<ProblemField> errors,
            String incident) {
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        List<ProblemField> fields = e.errors().stream()
                .map(f -> new ProblemField(f.field(), messages.get(locale.get(), f.messageKey(), f.args())))
                .toList();
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, t("error.validation.title"), detail, fields, null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return respond(409, t("error.conflict.title"), messages.get(locale.get(), e.messageKey(), e.args()), null, null);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return respond(409, t("error.conflict.title"), t("error.conflict.stale"), null, null);
    }

    @ServerExceptionMapper
    public Response staleObject(StaleObjectStateException e) {
        return respond(409, t("error.conflict.title"), t("error.conflict.stale"), null, null);
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailableException e) {
        Response r = respond(503, t("error.unavailable.title"), messages.get(locale.get(), e.messageKey(), e.args()),
                null, null);
        return Response.fromResponse(r).header("Retry-After", "60").build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(404, t("error.notfound.title"), t(e.messageKey()), null, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, t("error.forbidden.title"), t("error.forbidden.detail"), null, null);
    }

    @ServerExceptionMapper
    public Response quarkusForbidden(io.quarkus.security.ForbiddenException e) {
        return respond(403, t("error.forbidden.title"), t("error.forbidden.detail"), null, null);
    }

    /** Quarkus maps these itself (an empty 400); ours name the field. The closest mapper wins, hence both. */
    @ServerExceptionMapper
    public Response unknownProperty(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = null;
        boolean malformed = false;
        for (Throwable c = e; c != null && !malformed; c = c.getCause() == c ? null : c.getCause()) {
            malformed = c instanceof com.fasterxml.jackson.core.JsonParseException;
        }
        if (!malformed && e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var r : m.getPath()) {
                if (r.getFieldName() != null) {
                    sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
                } else {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
            field = sb.toString();
        }
        if (field != null) {
            // an unknown property is a MismatchedInputException too, but not a value of the wrong type
            boolean wrongValue = e instanceof MismatchedInputException && !(e instanceof PropertyBindingException);
            String msg = t(wrongValue ? "error.json.type" : "error.json.field");
            return respond(400, t("error.validation.title"), field + ": " + msg,
                    List.of(new ProblemField(field, msg)), null);
        }
        return respond(400, t("error.validation.title"), t("error.json.malformed"), List.of(), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 401) {
            return e.getResponse();
        }
        if (e.getCause() instanceof JsonProcessingException j) {
            return badJson(j);
        }
        String key = switch (status) {
            case 400 -> "error.badrequest";
            case 404 -> "error.notfound.page";
            case 405 -> "error.method";
            case 406 -> "error.notacceptable";
            // key in the result bundle (added by the results feature; may move to msg.properties)
            case 413 -> "result.error.tooLarge";
            case 415 -> "error.mediatype";
            default -> status >= 500 ? "error.internal" : "error.badrequest";
        };
        if (status >= 500) {
            return unexpected(e);
        }
        String title = status == 404 ? t("error.notfound.title") : t("error.request.title");
        return respond(status, title, t(key), null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (clientGone(e)) {
            // Not our error and nobody to answer: the client closed the connection while we read its request
            // (a load test stopping mid-upload, a browser tab closed). No incident, no stack trace in the log.
            LOG.debugf("Client closed the connection during %s %s", request.method(), request.path());
            return Response.status(400).build();
        }
        if (StorageFailures.isStorageFailure(e)) {
            LOG.errorf(e, "The database's storage failed during %s %s", request.method(), request.path());
            storage.failed();
            return unavailable(new UnavailableException("error.unavailable.storage"));
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error, incident %s, %s %s", incident, request.method(), request.path());
        return respond(500, t("error.internal.title"), t("error.internal", incident), null, incident);
    }

    /** Whether {@code e} is (or was caused by) the client closing the connection while its request was read. */
    static boolean clientGone(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private String t(String key, Object... args) {
        return messages.get(locale.get(), key, args);
    }

    private boolean isApi() {
        String path = request.path();
        return path != null && (path.startsWith("/api/") || path.startsWith("/export/")
                || path.matches("/p/[^/]+/export/.*"));
    }

    private Response respond(int status, String title, String detail, List<ProblemField> fields, String incident) {
        if (isApi()) {
            Problem p = new Problem("about:blank", title, status, detail, fields == null ? List.of() : fields, incident);
            return Response.status(status).type(PROBLEM_JSON).entity(p).build();
        }
        Page page = pages.plain("", title);
        String html;
        try {
            html = Templates.error(page, status, detail, incident).render();
        } catch (RuntimeException e) {
            // The request failed before the CSRF filter ran (e.g. a form larger than
            // quarkus.http.limits.max-form-attribute-size), so the layout's logout form has no token: show the
            // error page without the user's header tools instead of failing with a 500.
            Page bare = new Page(messages, locale.get(), title, "", new Pages.Header(null, page.programmeName, page.base, null, null,
                    false, false), null, page.currentPath,
                    null, 0);
            html = Templates.error(bare, status, detail, incident).render();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
